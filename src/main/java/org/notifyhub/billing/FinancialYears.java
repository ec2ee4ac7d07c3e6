package org.notifyhub.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import org.notifyhub.common.NotifyTime;

/** Notify's date_util: financial years run 1 April to 31 March in London; days are London days. */
public final class FinancialYears {

    private static final Month FIRST_MONTH = Month.APRIL;

    private FinancialYears() {
    }

    /** The year a financial year starts in, e.g. 2025 for 31 March 2026 and 2026 for 1 April 2026. */
    public static int of(LocalDate londonDay) {
        return londonDay.getMonthValue() >= FIRST_MONTH.getValue() ? londonDay.getYear() : londonDay.getYear() - 1;
    }

    public static LocalDate firstDay(int year) {
        return LocalDate.of(year, FIRST_MONTH, 1);
    }

    public static LocalDate lastDay(int year) {
        return firstDay(year + 1).minusDays(1);
    }

    public static LocalDate londonToday(Clock clock) {
        return clock.instant().atZone(NotifyTime.LONDON).toLocalDate();
    }

    public static int current(Clock clock) {
        return of(londonToday(clock));
    }

    /** The London midnight that starts this day, as the naive UTC the database keeps. */
    public static LocalDateTime londonMidnightUtc(LocalDate day) {
        return day.atStartOfDay(NotifyTime.LONDON).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
