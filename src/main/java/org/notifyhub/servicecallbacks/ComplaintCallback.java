package org.notifyhub.servicecallbacks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body Notify POSTs to a service's complaint callback. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ComplaintCallback(
        @JsonProperty("notification_id") String notificationId,
        @JsonProperty("complaint_id") String complaintId,
        @JsonProperty("reference") String reference,
        @JsonProperty("to") String to,
        @JsonProperty("complaint_date") String complaintDate) {
}
