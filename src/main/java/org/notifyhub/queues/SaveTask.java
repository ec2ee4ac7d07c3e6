package org.notifyhub.queues;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.UUID;

/**
 * A database-tasks message saving some of a job's rows: save-sms, save-email or save-letter, with the rows as an
 * encrypted JSON array (they hold recipients and personalisation). Job, service, template and sender are re-read
 * from the job when the task runs.
 */
public record SaveTask(String task, @JsonProperty("job_id") UUID jobId, String rows) implements QueueMessage {

    /** One CSV row with the id its notification will have, fixed before it is queued so a repeat saves nothing new. */
    public record Row(UUID id, @JsonProperty("row_number") int rowNumber, String recipient,
                      Map<String, String> personalisation) {
    }

    public static String taskFor(String templateType) {
        return "save-" + templateType;
    }
}
