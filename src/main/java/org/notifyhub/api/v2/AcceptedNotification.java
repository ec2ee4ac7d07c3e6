package org.notifyhub.api.v2;

/**
 * What an intake hands back to its route: the task to queue (a {@link DeliveryTask}, or a letter's
 * {@link org.notifyhub.queues.LetterPdfTask}) and on which queue, and the response to return.
 */
public record AcceptedNotification(Object task, String queue, Object response) {

    /** Nothing to queue: a simulated recipient, or a save the high-volume path queues instead. */
    public static AcceptedNotification responseOnly(Object response) {
        return new AcceptedNotification(null, null, response);
    }
}
