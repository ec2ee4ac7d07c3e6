package org.notifyhub.inbound;

import java.time.LocalDateTime;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.servicecallbacks.InboundSmsCallback;

/**
 * A text message a service received on its inbound number, with its content in plain text.
 *
 * @param notifyNumber the service's number the message was sent to
 * @param userNumber the number it came from, normalised
 */
public record InboundSms(
        UUID id,
        LocalDateTime createdAt,
        UUID serviceId,
        String notifyNumber,
        String userNumber,
        String provider,
        LocalDateTime providerDate,
        String providerReference,
        String content) {

    /** What the service's inbound SMS callback is told. */
    public InboundSmsCallback callback() {
        // Notify reports the provider's receipt time; a message without one falls back to when it was stored.
        return new InboundSmsCallback(id.toString(), userNumber, notifyNumber, content,
                NotifyTime.toWire(providerDate != null ? providerDate : createdAt));
    }
}
