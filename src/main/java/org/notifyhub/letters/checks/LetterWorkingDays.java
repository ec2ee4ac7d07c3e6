package org.notifyhub.letters.checks;

import java.time.LocalDate;
import java.util.Optional;

/**
 * DVLA answers a letter sent on one working day by 16:00 the next: on a weekday, the letters to ask about are those
 * sent up to the last working day (yesterday; Friday when today is Monday). Nothing is checked at weekends.
 * Bank holidays are not known here (as in Notify's 2018 check).
 */
public final class LetterWorkingDays {

    private LetterWorkingDays() {
    }

    /** The last day whose letters should have a response by now, or empty at weekends. */
    public static Optional<LocalDate> lastWorkingDayBefore(LocalDate today) {
        return switch (today.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> Optional.empty();
            case MONDAY -> Optional.of(today.minusDays(3));
            default -> Optional.of(today.minusDays(1));
        };
    }
}
