package org.notifyhub.queues;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A send that will not be tried again on its own: kept on the dead-letter queue for an operator. */
public record DeadLetter(
        DeliveryTask task,
        String queue,
        String reason,
        @JsonProperty("failed_at") String failedAt,
        @JsonProperty("raw_message") String rawMessage) implements QueueMessage {
}
