package org.notifyhub.broadcasts;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A broadcast_provider_message: one event as sent to one operator, with Vodafone's sequential number (else null).
 */
public record ProviderMessage(UUID id, UUID eventId, String provider, String status, int attempts,
                              LocalDateTime createdAt, Integer messageNumber) {

    public static final String SENDING = "sending";
    public static final String ACK = "returned-ack";
    public static final String TECHNICAL_FAILURE = "technical-failure";

    /** The number as Vodafone's IBAG format takes it: 8 lower-case hex digits. */
    public String formattedNumber() {
        return messageNumber == null ? null : formatNumber(messageNumber);
    }

    public static String formatNumber(long number) {
        return String.format("%08x", number);
    }
}
