package org.notifyhub.queues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code task} field that names what a shared-queue message asks for (as a Celery task name does), and
 * refuses names not on the queue's list, so a message can only ever reach the routes meant to take it.
 */
@Component
public class TaskNames {

    private final ObjectMapper mapper;

    public TaskNames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param known the queue's task names, comma-separated */
    public String of(@Body String message, String known) {
        String task;
        try {
            JsonNode json = mapper.readTree(message);
            task = json == null ? "" : json.path("task").asText("");
        } catch (JsonProcessingException e) {
            throw new UnreadableTaskException("A task message must be JSON: " + e.getOriginalMessage(), e);
        }
        List<String> names = Arrays.stream(known.split(",")).map(String::trim).toList();
        if (!names.contains(task)) {
            throw new UnreadableTaskException("Unknown task '" + task + "'; this queue takes " + names, null);
        }
        return task;
    }
}
