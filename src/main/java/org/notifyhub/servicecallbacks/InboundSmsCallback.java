package org.notifyhub.servicecallbacks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.inbound.InboundSms;

/** The body Notify POSTs to a service's inbound SMS callback. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InboundSmsCallback(
        @JsonProperty("id") String id,
        @JsonProperty("source_number") String sourceNumber,
        @JsonProperty("destination_number") String destinationNumber,
        @JsonProperty("message") String message,
        @JsonProperty("date_received") String dateReceived) {

    public static InboundSmsCallback of(InboundSms sms) {
        // Notify reports the provider's receipt time; a message without one falls back to when it was stored.
        return new InboundSmsCallback(sms.id().toString(), sms.userNumber(), sms.notifyNumber(), sms.content(),
                NotifyTime.toWire(sms.providerDate() != null ? sms.providerDate() : sms.createdAt()));
    }
}
