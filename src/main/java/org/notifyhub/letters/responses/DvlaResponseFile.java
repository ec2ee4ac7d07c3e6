package org.notifyhub.letters.responses;

import java.time.LocalDate;
import java.util.List;

/** A parsed DVLA response file: every line, and the sorted/unsorted counts for its billing day (London date). */
public record DvlaResponseFile(String fileName, LocalDate billingDay, List<Line> lines, int sortedCount,
                               int unsortedCount) {

    /** One line, {@code REFERENCE|STATUS|PAGE_COUNT|COST_THRESHOLD}. */
    public record Line(String reference, String status, int pageCount, boolean sorted) {

        /** DVLA's {@code Sent} is the only success; anything else means the letter was not despatched. */
        public boolean sent() {
            return DvlaResponseFileParser.SENT.equals(status);
        }
    }

    /** References of lines DVLA did not send, in file order. */
    public List<String> failedReferences() {
        return lines.stream().filter(line -> !line.sent()).map(Line::reference).toList();
    }
}
