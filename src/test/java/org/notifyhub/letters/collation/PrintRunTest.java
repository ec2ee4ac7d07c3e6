package org.notifyhub.letters.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintRunTest {

    @ParameterizedTest
    @CsvSource({
            // now (UTC)              print date,  deadline (UTC): 17:30 London
            "2020-06-15T16:50:00Z, 2020-06-15, 2020-06-15T16:30:00", // 17:50 BST
            "2020-06-15T16:29:59Z, 2020-06-14, 2020-06-14T16:30:00", // before 17:30 BST: yesterday's run
            "2020-06-15T16:30:00Z, 2020-06-15, 2020-06-15T16:30:00", // 17:30 BST exactly
            "2020-12-15T17:50:00Z, 2020-12-15, 2020-12-15T17:30:00", // 17:50 GMT
            "2020-12-15T17:10:00Z, 2020-12-14, 2020-12-14T17:30:00", // 17:10 GMT
            "2020-12-15T23:59:00Z, 2020-12-15, 2020-12-15T17:30:00"})
    void deadlineIsTodayAtHalfPastFiveLondonOrYesterdayBeforeThen(Instant now, LocalDate date, LocalDateTime deadline) {
        PrintRun run = PrintRun.at(now);

        assertThat(run.date()).isEqualTo(date);
        assertThat(run.deadlineUtc()).isEqualTo(deadline);
        assertThat(run.zipsSentPrefix()).isEqualTo(date + "/zips_sent/");
    }
}
