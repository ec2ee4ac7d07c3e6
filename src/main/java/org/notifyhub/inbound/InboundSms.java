package org.notifyhub.inbound;

import java.time.LocalDateTime;
import java.util.UUID;

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
}
