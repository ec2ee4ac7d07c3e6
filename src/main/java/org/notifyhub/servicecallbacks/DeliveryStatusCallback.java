package org.notifyhub.servicecallbacks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.notifications.NotificationRow;

/** The body Notify POSTs to a service's delivery-status callback; timestamps are Notify's …Z strings or null. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryStatusCallback(
        @JsonProperty("id") String id,
        @JsonProperty("reference") String reference,
        @JsonProperty("to") String to,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("sent_at") String sentAt,
        @JsonProperty("notification_type") String notificationType,
        @JsonProperty("template_id") String templateId,
        @JsonProperty("template_version") int templateVersion) {

    public static DeliveryStatusCallback of(NotificationRow row) {
        return new DeliveryStatusCallback(row.id().toString(), row.clientReference(), row.to(), row.status().wireName(),
                NotifyTime.toWire(row.createdAt()), NotifyTime.toWire(row.updatedAt()), NotifyTime.toWire(row.sentAt()),
                row.notificationType().wireName(), row.templateId().toString(), row.templateVersion());
    }
}
