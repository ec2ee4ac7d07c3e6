package org.notifyhub.letters.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notifyhub.alerts.Alert;
import org.notifyhub.alerts.AlertChannel;
import org.notifyhub.alerts.Alerts;
import org.notifyhub.common.NotifyTime;

/** The working-day look-back and the cut-offs, with a fixed clock and a repository that records what it was asked. */
class LetterChecksTest {

    private final List<LocalDateTime> askedBefore = new ArrayList<>();
    private final List<Alert> raised = new ArrayList<>();
    private int found = 3;

    @ParameterizedTest
    @CsvSource({
            // Tuesday 16:30 London (GMT): letters sent up to the end of Monday.
            "2018-01-16T16:30, 2018-01-16T00:00, Monday 15 January",
            // Monday: back to Friday.
            "2018-01-15T16:30, 2018-01-13T00:00, Friday 12 January",
            "2018-01-19T16:30, 2018-01-19T00:00, Thursday 18 January",
            // Summer: the end of the London day is 23:00 UTC.
            "2018-06-19T16:30, 2018-06-18T23:00, Monday 18 June"})
    void lettersStillSendingLookBackToTheLastWorkingDay(String londonNow, String sentBeforeUtc, String day) {
        LetterChecks checks = checks(londonNow);

        assertThat(checks.lettersStillSending()).hasValueSatisfying(alert -> {
            assertThat(alert.title()).isEqualTo("Letters still sending");
            assertThat(alert.body()).startsWith("There are 3 letters in the 'sending' state from " + day + ".");
        });
        assertThat(askedBefore).containsExactly(LocalDateTime.parse(sentBeforeUtc));
        assertThat(raised).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"2018-01-13T16:30", "2018-01-14T16:30"})
    void nothingIsCheckedAtWeekends(String londonNow) {
        assertThat(checks(londonNow).lettersStillSending()).isEmpty();
        assertThat(askedBefore).isEmpty();
        assertThat(raised).isEmpty();
    }

    @Test
    void noLettersNoAlert() {
        found = 0;

        assertThat(checks("2018-01-16T16:30").lettersStillSending()).isEmpty();
        assertThat(raised).isEmpty();
    }

    @Test
    void lettersStillCreatedAreThoseCreatedBeforeHalfPastFiveYesterdayLondonTime() {
        LetterChecks checks = checks("2018-06-19T07:00");

        assertThat(checks.lettersStillCreated()).hasValueSatisfying(alert -> assertThat(alert.body())
                .startsWith("3 letters were created before 17.30 yesterday and still have 'created' status."));
        assertThat(askedBefore).containsExactly(LocalDateTime.parse("2018-06-18T16:30"));
    }

    @Test
    void pendingVirusCheckLooksNinetyMinutesBack() {
        LetterChecks checks = checks("2018-01-16T09:00");

        assertThat(checks.lettersStillPendingVirusCheck()).isPresent();
        assertThat(askedBefore).containsExactly(LocalDateTime.parse("2018-01-16T07:30"));
    }

    @ParameterizedTest
    @CsvSource({"2018-01-15, 2018-01-12", "2018-01-16, 2018-01-15", "2018-01-19, 2018-01-18"})
    void theLastWorkingDayBeforeAWeekday(LocalDate today, LocalDate lastWorkingDay) {
        assertThat(LetterWorkingDays.lastWorkingDayBefore(today)).contains(lastWorkingDay);
    }

    private LetterChecks checks(String londonNow) {
        ZonedDateTime now = LocalDateTime.parse(londonNow).atZone(NotifyTime.LONDON);
        Clock clock = Clock.fixed(now.toInstant(), ZoneOffset.UTC);
        AlertChannel recording = new AlertChannel() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void send(Alert alert) {
                raised.add(alert);
            }
        };
        LetterChecksRepository repository = new LetterChecksRepository(null) {
            @Override
            public Found stillSending(LocalDateTime sentBefore, int maxListed) {
                return answer(sentBefore);
            }

            @Override
            public Found stillCreated(LocalDateTime createdBefore, int maxListed) {
                return answer(createdBefore);
            }

            @Override
            public Found stillPendingVirusCheck(LocalDateTime createdBefore, int maxListed) {
                return answer(createdBefore);
            }
        };
        return new LetterChecks(repository, new Alerts(List.of(recording), clock), clock, 90, 50);
    }

    private LetterChecksRepository.Found answer(LocalDateTime before) {
        askedBefore.add(before);
        return new LetterChecksRepository.Found(found, found == 0 ? List.of() : List.of("REF"));
    }
}
