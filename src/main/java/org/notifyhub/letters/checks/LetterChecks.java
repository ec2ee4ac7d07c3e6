package org.notifyhub.letters.checks;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.notifyhub.alerts.Alert;
import org.notifyhub.alerts.Alerts;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.letters.LetterPdfNames;
import org.notifyhub.letters.checks.LetterChecksRepository.Found;
import org.notifyhub.letters.responses.DvlaResponseFileParser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Notify's letter watchdogs (§4.4, §4.6), each raising an alert when letters are stuck: still sending a working day
 * after they went to DVLA, still created after yesterday's 17:30 print deadline, still pending a virus scan after
 * 90 minutes. Each returns the alert it raised, or empty when all is well.
 */
@Component
public class LetterChecks {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd MMMM", Locale.UK);

    private final LetterChecksRepository repository;
    private final Alerts alerts;
    private final Clock clock;
    private final int pendingVirusCheckMinutes;
    private final int maxListed;

    public LetterChecks(LetterChecksRepository repository, Alerts alerts, Clock clock,
                        @Value("${notify.letter-checks.pending-virus-check-minutes}") int pendingVirusCheckMinutes,
                        @Value("${notify.letter-checks.max-listed}") int maxListed) {
        this.repository = repository;
        this.alerts = alerts;
        this.clock = clock;
        this.pendingVirusCheckMinutes = pendingVirusCheckMinutes;
        this.maxListed = maxListed;
    }

    /** raise-alert-if-letter-notifications-still-sending: letters sent up to the last working day, still sending. */
    public Optional<Alert> lettersStillSending() {
        LocalDate today = LocalDate.now(clock.withZone(NotifyTime.LONDON));
        Optional<LocalDate> lookBack = LetterWorkingDays.lastWorkingDayBefore(today);
        if (lookBack.isEmpty()) {
            return Optional.empty();
        }
        Found found = repository.stillSending(startOfLondonDay(lookBack.get().plusDays(1)), maxListed);
        if (found.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(alerts.raise("letters-still-sending", "Letters still sending",
                "There are " + found.count() + " letters in the 'sending' state from " + DAY.format(lookBack.get())
                        + ". References: " + DvlaResponseFileParser.pythonList(found.listed())));
    }

    /** check-if-letters-still-in-created: letters created before 17:30 yesterday (London) never went to print. */
    public Optional<Alert> lettersStillCreated() {
        LocalDate yesterday = LocalDate.now(clock.withZone(NotifyTime.LONDON)).minusDays(1);
        LocalDateTime deadline = NotifyTime.toUtc(yesterday.atTime(LetterPdfNames.PROCESSING_DEADLINE)
                .atZone(NotifyTime.LONDON).toInstant());
        Found found = repository.stillCreated(deadline, maxListed);
        if (found.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(alerts.raise("letters-still-in-created", "Letters still in created",
                found.count() + " letters were created before 17.30 yesterday and still have 'created' status. "
                        + "Notifications: " + DvlaResponseFileParser.pythonList(found.listed())));
    }

    /** check-if-letters-still-pending-virus-check: precompiled letters whose scan never came back. */
    public Optional<Alert> lettersStillPendingVirusCheck() {
        LocalDateTime before = LocalDateTime.now(clock).minus(Duration.ofMinutes(pendingVirusCheckMinutes));
        Found found = repository.stillPendingVirusCheck(before, maxListed);
        if (found.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(alerts.raise("letters-still-pending-virus-check", "Letters still pending virus check",
                found.count() + " precompiled letters have been pending-virus-check for over " + pendingVirusCheckMinutes
                        + " minutes. Notifications: " + DvlaResponseFileParser.pythonList(found.listed())));
    }

    private static LocalDateTime startOfLondonDay(LocalDate day) {
        ZonedDateTime start = day.atStartOfDay(NotifyTime.LONDON);
        return NotifyTime.toUtc(start.toInstant());
    }
}
