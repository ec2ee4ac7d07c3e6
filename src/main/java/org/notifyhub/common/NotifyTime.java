package org.notifyhub.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The hub's two clocks: storage and the wire use UTC; business days use Europe/London. */
public final class NotifyTime {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Notify's wire format: microseconds and a literal Z, e.g. 2022-04-26T13:05:29.123456Z. */
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    /** Flask's default for a datetime in JSON (werkzeug's http_date), e.g. Sat, 05 Dec 2026 07:00:00 GMT. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private NotifyTime() {
    }

    /** Database timestamps are naive UTC. */
    public static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static String toWire(LocalDateTime utc) {
        return utc == null ? null : WIRE.format(utc);
    }

    /** Where Notify's JSON carries a datetime its schemas did not format: Flask's HTTP date. */
    public static String toHttpDate(LocalDateTime utc) {
        return utc == null ? null : HTTP_DATE.format(utc);
    }

    public static String toWire(Instant instant) {
        return instant == null ? null : WIRE.format(toUtc(instant));
    }
}
