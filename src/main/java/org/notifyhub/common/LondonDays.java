package org.notifyhub.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** London days (Notify's bst_date) and where they start as the naive UTC timestamps the database keeps. */
public final class LondonDays {

    private LondonDays() {
    }

    /** London midnight at the start of the day, in UTC: 23:00 the evening before in summer time. */
    public static LocalDateTime start(LocalDate day) {
        return day.atStartOfDay(NotifyTime.LONDON).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    public static LocalDate of(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(NotifyTime.LONDON).toLocalDate();
    }

    /** Notify's midnight_n_days_ago: the start of the London day some days before the one it is now. */
    public static LocalDateTime daysAgo(LocalDateTime utcNow, int days) {
        return start(of(utcNow).minusDays(days));
    }

    /** Whether the day is one of the days from {@code first} to {@code last}, both included. */
    public static boolean within(LocalDate day, LocalDate first, LocalDate last) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    public static LocalDate today(Clock clock) {
        return clock.instant().atZone(NotifyTime.LONDON).toLocalDate();
    }
}
