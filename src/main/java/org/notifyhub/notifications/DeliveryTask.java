package org.notifyhub.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** The message on a send queue: an id only, so the worker re-reads the current state. */
public record DeliveryTask(@JsonProperty("notification_id") UUID notificationId) {
}
