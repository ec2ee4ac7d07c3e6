package org.notifyhub.queues;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.notifyhub.notifications.NotificationType;

/**
 * The message on a send queue: which notification, of which type, and how many sends have failed before.
 * Ids only: the worker re-reads the current state.
 */
public record DeliveryTask(
        @JsonProperty("notification_id") UUID notificationId,
        @JsonProperty("notification_type") NotificationType notificationType,
        @JsonProperty("attempt") int attempt) implements QueueMessage {

    public static DeliveryTask first(UUID notificationId, NotificationType notificationType) {
        return new DeliveryTask(notificationId, notificationType, 0);
    }

    public DeliveryTask nextAttempt() {
        return new DeliveryTask(notificationId, notificationType, attempt + 1);
    }
}
