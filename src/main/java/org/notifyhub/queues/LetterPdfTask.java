package org.notifyhub.queues;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * The message on create-letters-pdf-tasks (get-pdf-for-templated-letter) and letter-tasks (scan-and-sanitise-letter):
 * exactly {@code {"notification_id": "<uuid>"}}. The API, CSV jobs and the replay sweeper all queue this shape.
 */
public record LetterPdfTask(@JsonProperty("notification_id") UUID notificationId) implements QueueMessage {
}
