package org.notifyhub.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HandClock;

/** Financial years start on 1 April in London; a London day starts at 23:00 UTC the day before in summer. */
class FinancialYearsTest {

    @Test
    void theYearTurnsOnTheFirstOfAprilInLondon() {
        assertThat(FinancialYears.of(LocalDate.parse("2025-03-31"))).isEqualTo(2024);
        assertThat(FinancialYears.of(LocalDate.parse("2025-04-01"))).isEqualTo(2025);
        assertThat(FinancialYears.firstDay(2025)).isEqualTo(LocalDate.parse("2025-04-01"));
        assertThat(FinancialYears.lastDay(2025)).isEqualTo(LocalDate.parse("2026-03-31"));
        // 23:30 UTC on 31 March 2025 is already 1 April in London (BST)
        assertThat(FinancialYears.current(new HandClock(Instant.parse("2025-03-31T23:30:00Z")))).isEqualTo(2025);
        assertThat(FinancialYears.current(new HandClock(Instant.parse("2025-03-31T22:30:00Z")))).isEqualTo(2024);
    }

    @Test
    void londonMidnightIsUtcMidnightInWinterAndElevenTheNightBeforeInSummer() {
        assertThat(FinancialYears.londonMidnightUtc(LocalDate.parse("2025-03-30")))
                .isEqualTo(LocalDateTime.parse("2025-03-30T00:00"));
        assertThat(FinancialYears.londonMidnightUtc(LocalDate.parse("2025-03-31")))
                .isEqualTo(LocalDateTime.parse("2025-03-30T23:00"));
    }
}
