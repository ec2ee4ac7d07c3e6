package org.notifyhub.api.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.UUID;

/**
 * A notification as GET /v2/notifications shows it: every key present, null where empty. The cost keys are Notify's
 * {@code serialize_with_cost_data}: {@code cost_details} is always an object, empty until costs are known
 * (billing/NotificationCost).
 */
public record V2Notification(
        UUID id,
        String reference,
        @JsonProperty("email_address") String emailAddress,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("line_1") String line1,
        @JsonProperty("line_2") String line2,
        @JsonProperty("line_3") String line3,
        @JsonProperty("line_4") String line4,
        @JsonProperty("line_5") String line5,
        @JsonProperty("line_6") String line6,
        String postcode,
        String type,
        String status,
        Template template,
        String body,
        String subject,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("created_by_name") String createdByName,
        @JsonProperty("sent_at") String sentAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("scheduled_for") String scheduledFor,
        String postage,
        @JsonProperty("one_click_unsubscribe_url") String oneClickUnsubscribeUrl,
        @JsonProperty("estimated_delivery") @JsonInclude(JsonInclude.Include.NON_NULL) String estimatedDelivery,
        @JsonProperty("cost_in_pounds") Double costInPounds,
        @JsonProperty("is_cost_data_ready") boolean isCostDataReady,
        @JsonProperty("cost_details") Map<String, Object> costDetails) {

    public record Template(UUID id, int version, String uri) {
    }
}
