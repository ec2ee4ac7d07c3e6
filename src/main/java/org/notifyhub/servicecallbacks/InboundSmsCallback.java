package org.notifyhub.servicecallbacks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body Notify POSTs to a service's inbound SMS callback. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InboundSmsCallback(
        @JsonProperty("id") String id,
        @JsonProperty("source_number") String sourceNumber,
        @JsonProperty("destination_number") String destinationNumber,
        @JsonProperty("message") String message,
        @JsonProperty("date_received") String dateReceived) {
}
