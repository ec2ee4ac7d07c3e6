package org.notifyhub.inbound;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The time a provider says it received a message ({@code 2017-05-21+11%3A56%3A11}: UTC, form-encoded). As in
 * Notify an offset is dropped rather than applied, and a date that cannot be read becomes now.
 */
final class ProviderDates {

    private ProviderDates() {
    }

    static LocalDateTime parse(String raw, Clock clock) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String text = MmgInboundText.decode(raw).trim().replace(' ', 'T');
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(text.replace("Z", "+00:00")).toLocalDateTime();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(text).atStartOfDay();
                } catch (DateTimeParseException notADate) {
                    return LocalDateTime.now(clock);
                }
            }
        }
    }
}
