package org.notifyhub.queues;

/** A message to put on a queue after a delay: what the retry and dead-letter decisions produce. */
public record Outgoing(String queue, Object payload, int delaySeconds) {

    /** SQS will not delay a message longer than this; longer waits hop through the retry queue until due. */
    public static final int MAX_SQS_DELAY_SECONDS = 900;
}
