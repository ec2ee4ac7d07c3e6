package org.notifyhub.queues;

/**
 * One message for the outbox: the queue, what to put on it and after how long. The payload is a
 * {@link QueueMessage} (or another record) written as JSON, or a String already in its wire form.
 */
public record Outgoing(String queue, Object payload, int delaySeconds) {

    /** SQS will not delay a message longer than this; longer waits hop through the retry queue until due. */
    public static final int MAX_SQS_DELAY_SECONDS = 900;

    public static Outgoing now(String queue, Object payload) {
        return new Outgoing(queue, payload, 0);
    }
}
