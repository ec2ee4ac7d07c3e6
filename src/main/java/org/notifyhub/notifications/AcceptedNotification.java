package org.notifyhub.notifications;

/** What the API hands back to its route: the task to enqueue and the response to return. */
public record AcceptedNotification(DeliveryTask task, Object response) {
}
