package org.notifyhub.api.v2;

import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueMessage;

/**
 * What an intake hands back to its route: the task to queue (a {@link org.notifyhub.queues.DeliveryTask}, or a
 * letter's {@link org.notifyhub.queues.LetterPdfTask}) and on which queue, and the response to return.
 */
public record AcceptedNotification(QueueMessage task, String queue, Object response) {

    /** Nothing to queue: a simulated recipient, or a save the high-volume path queues instead. */
    public static AcceptedNotification responseOnly(Object response) {
        return new AcceptedNotification(null, null, response);
    }

    /** The task for the outbox. */
    public Outgoing outgoing() {
        return Outgoing.now(queue, task);
    }
}
