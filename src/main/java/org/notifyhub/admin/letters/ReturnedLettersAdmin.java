package org.notifyhub.admin.letters;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.queues.ReturnedLettersTask;
import org.springframework.stereotype.Component;

/**
 * POST /letters/returned {"references": [...]}: references of letters the post office returned (minItems 1, each
 * 16 of [0-9A-Z], JSON Schema wording), queued on database-tasks in chunks of 5000 as process-returned-letters-list.
 * Answers {"references": [...]} as Notify does. Nothing is queued unless the whole request is valid.
 */
@Component
public class ReturnedLettersAdmin {

    public static final int CHUNK_SIZE = 5000;
    private static final Pattern REFERENCE = Pattern.compile("^[0-9A-Z]{16}$");

    public record Received(List<String> references) {
    }

    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final String queue;

    public ReturnedLettersAdmin(ObjectMapper mapper, Outbox outbox, QueueNames queues) {
        this.mapper = mapper;
        this.outbox = outbox;
        this.queue = queues.databaseTasks();
    }

    public Received receive(@Body String body) {
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        List<String> references = validReferences(request);
        for (int from = 0; from < references.size(); from += CHUNK_SIZE) {
            List<String> chunk = references.subList(from, Math.min(references.size(), from + CHUNK_SIZE));
            outbox.send(queue, ReturnedLettersTask.of(List.copyOf(chunk)));
        }
        return new Received(references);
    }

    private List<String> validReferences(RequestBody request) {
        if (!request.has("references")) {
            request.reject("references", Wording.JSON_SCHEMA.required("references"));
            request.validate();
        }
        List<String> references = request.strings("references");
        request.validate();
        if (references == null) {
            throw AdminApiException.invalid("references", "references None is not of type array");
        }
        if (references.isEmpty()) {
            throw AdminApiException.invalid("references", "references [] is too short");
        }
        List<String> messages = new ArrayList<>();
        for (String reference : references) {
            if (!REFERENCE.matcher(reference).matches()) {
                messages.add("references " + reference + " does not match ^[0-9A-Z]{16}$");
            }
        }
        if (!messages.isEmpty()) {
            throw AdminApiException.invalid(Map.of("references", messages));
        }
        return references;
    }
}
