package org.notifyhub.queues;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A send waiting on retry-tasks: the task, the queue it returns to, and when (epoch milliseconds) it is due. */
public record RetryEnvelope(
        DeliveryTask task,
        String queue,
        @JsonProperty("due_at") long dueAt) implements QueueMessage {
}
