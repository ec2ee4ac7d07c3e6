package org.notifyhub.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.apache.camel.Body;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code task} field that names what a shared-queue message asks for (as a Celery task name does), and
 * refuses names not on the list, so a message can only ever reach the routes meant to take it.
 */
@Component
public class TaskNames {

    private final ObjectMapper mapper;
    private final Set<String> known;

    public TaskNames(ObjectMapper mapper, @Value("${notify.database-tasks}") Set<String> known) {
        this.mapper = mapper;
        this.known = known;
    }

    public String of(@Body String message) {
        String task;
        try {
            JsonNode json = mapper.readTree(message);
            task = json == null ? "" : json.path("task").asText("");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A database task must be JSON: " + e.getOriginalMessage(), e);
        }
        if (!known.contains(task)) {
            throw new IllegalArgumentException("Unknown database task '" + task + "'; known: " + known);
        }
        return task;
    }
}
