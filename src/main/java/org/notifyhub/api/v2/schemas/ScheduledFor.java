package org.notifyhub.api.v2.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Notify's datetime_within_next_day format for scheduled_for (accepted; the response always shows null). */
final class ScheduledFor {

    private ScheduledFor() {
    }

    static Optional<String> check(JsonNode value) {
        if (value.isNull()) {
            return Optional.empty();
        }
        Instant when;
        try {
            when = parse(value.asText());
        } catch (DateTimeParseException e) {
            return Optional.of("datetime format is invalid. It must be a valid ISO8601 date time format, "
                    + "https://en.wikipedia.org/wiki/ISO_8601");
        }
        Instant now = Instant.now();
        if (when.isBefore(now)) {
            return Optional.of("datetime can not be in the past");
        }
        if (when.isAfter(now.plus(Duration.ofHours(24)))) {
            return Optional.of("datetime can only be 24 hours in the future");
        }
        return Optional.empty();
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
