package org.notifyhub.letters.collation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.letters.LetterPdfNames;

/**
 * One night's print run (§6.3): letters created before the deadline (today 17:30 London, or yesterday's when run
 * earlier) are sent, and the zips carry the deadline's London date.
 */
public record PrintRun(LocalDate date, LocalDateTime deadlineUtc) {

    public static PrintRun at(Instant now) {
        ZonedDateTime london = now.atZone(NotifyTime.LONDON);
        LocalDate date = london.toLocalTime().isBefore(LetterPdfNames.PROCESSING_DEADLINE)
                ? london.toLocalDate().minusDays(1)
                : london.toLocalDate();
        Instant deadline = date.atTime(LetterPdfNames.PROCESSING_DEADLINE).atZone(NotifyTime.LONDON).toInstant();
        return new PrintRun(date, LocalDateTime.ofInstant(deadline, ZoneOffset.UTC));
    }

    /** Where the record of each zip sent for this run is kept in the letters-pdf bucket. */
    public String zipsSentPrefix() {
        return date + "/zips_sent/";
    }
}
