package org.notifyhub.notifications;

/** What an intake hands back to its route: the task to queue (and on which queue), and the response to return. */
public record AcceptedNotification(DeliveryTask task, String queue, Object response) {

    /** Nothing to queue: a simulated recipient, or a letter (its pipeline starts elsewhere). */
    public static AcceptedNotification responseOnly(Object response) {
        return new AcceptedNotification(null, null, response);
    }
}
