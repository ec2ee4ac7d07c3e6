package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FinancialYearTest {

    @Test
    void aYearRunsFromAprilToMarchInLondonDays() {
        assertThat(FinancialYear.of(LocalDate.parse("2026-03-31"))).isEqualTo(new FinancialYear(2025));
        assertThat(FinancialYear.of(LocalDate.parse("2026-04-01"))).isEqualTo(new FinancialYear(2026));
        assertThat(new FinancialYear(2025).firstDay()).isEqualTo(LocalDate.parse("2025-04-01"));
        assertThat(new FinancialYear(2025).lastDay()).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(new FinancialYear(2025).contains(LocalDate.parse("2026-04-01"))).isFalse();
    }

    @Test
    void onlyMonthsBegunInLondonAreListed() {
        // 1 May 2026 begins at 23:00 UTC on 30 April (summer time).
        assertThat(new FinancialYear(2026).monthsBegunBy(LocalDateTime.parse("2026-04-30T22:59:59")))
                .containsExactly(YearMonth.of(2026, 4));
        assertThat(new FinancialYear(2026).monthsBegunBy(LocalDateTime.parse("2026-04-30T23:00:01")))
                .containsExactly(YearMonth.of(2026, 4), YearMonth.of(2026, 5));
        assertThat(new FinancialYear(2030).monthsBegunBy(LocalDateTime.parse("2026-04-30T23:00:01"))).isEmpty();
    }

    @Test
    void londonDaysStartAtLondonMidnight() {
        assertThat(LondonDays.start(LocalDate.parse("2026-03-29"))).isEqualTo(LocalDateTime.parse("2026-03-29T00:00"));
        assertThat(LondonDays.start(LocalDate.parse("2026-03-30"))).isEqualTo(LocalDateTime.parse("2026-03-29T23:00"));
        assertThat(LondonDays.of(LocalDateTime.parse("2026-10-24T23:30"))).isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(LondonDays.of(LocalDateTime.parse("2026-10-25T23:30"))).isEqualTo(LocalDate.parse("2026-10-25"));
    }
}
