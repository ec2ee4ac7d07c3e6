package org.notifyhub.queues;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A send waiting on retry-tasks: the task, the queue it returns to, and when (epoch milliseconds) it is due. A
 * {@code recheck} is the wait after a provider call that went unanswered: when due, the send is made again only if
 * no receipt has settled the notification meanwhile (absent on an ordinary retry).
 */
public record RetryEnvelope(
        DeliveryTask task,
        String queue,
        @JsonProperty("due_at") long dueAt,
        @JsonProperty("recheck") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean recheck) implements QueueMessage {

    public RetryEnvelope(DeliveryTask task, String queue, long dueAt) {
        this(task, queue, dueAt, false);
    }
}
