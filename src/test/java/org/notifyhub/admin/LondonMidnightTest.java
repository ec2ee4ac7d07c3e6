package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Notify's midnight_n_days_ago: London days, stored as naive UTC. */
class LondonMidnightTest {

    @ParameterizedTest(name = "{0} minus {1} days -> {2}")
    @CsvSource({
            "2026-07-10T10:00, 0, 2026-07-09T23:00",
            "2026-07-09T23:30, 0, 2026-07-09T23:00",
            "2026-01-10T10:00, 7, 2026-01-03T00:00",
            "2026-03-30T12:00, 2, 2026-03-28T00:00",
            "2026-10-26T12:00, 1, 2026-10-24T23:00"})
    void isTheStartOfTheLondonDayInUtc(LocalDateTime utcNow, int days, LocalDateTime expected) {
        assertThat(LondonMidnight.daysAgo(utcNow, days)).isEqualTo(expected);
    }
}
