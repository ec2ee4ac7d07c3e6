package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notifyhub.support.HandClock;

/** Notify's midnight_n_days_ago: London days, stored as naive UTC. */
class LondonDaysTest {

    @ParameterizedTest(name = "{0} minus {1} days -> {2}")
    @CsvSource({
            "2026-07-10T10:00, 0, 2026-07-09T23:00",
            "2026-07-09T23:30, 0, 2026-07-09T23:00",
            "2026-01-10T10:00, 7, 2026-01-03T00:00",
            "2026-03-30T12:00, 2, 2026-03-28T00:00",
            "2026-10-26T12:00, 1, 2026-10-24T23:00"})
    void daysAgoIsTheStartOfTheLondonDayInUtc(LocalDateTime utcNow, int days, LocalDateTime expected) {
        assertThat(LondonDays.daysAgo(utcNow, days)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026-12-04, false", "2026-12-05, true", "2026-12-06, true", "2026-12-07, true", "2026-12-08, false"})
    void aDayIsWithinARangeThatIncludesBothEnds(LocalDate day, boolean within) {
        assertThat(LondonDays.within(day, LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-07"))).isEqualTo(within);
    }

    @Test
    void todayAndTheFinancialYearTurnAtLondonMidnight() {
        // 23:30 UTC on 31 March 2025 is already 1 April in London (summer time)
        assertThat(LondonDays.today(new HandClock(Instant.parse("2025-03-31T23:30:00Z"))))
                .isEqualTo(LocalDate.parse("2025-04-01"));
        assertThat(FinancialYear.of(LondonDays.today(new HandClock(Instant.parse("2025-03-31T22:30:00Z")))).year())
                .isEqualTo(2024);
    }
}
