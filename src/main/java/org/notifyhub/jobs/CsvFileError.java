package org.notifyhub.jobs;

import java.util.List;
import java.util.Objects;

/**
 * A problem with the file as a whole, which stops the job however good its rows are.
 *
 * @param kind    what went wrong, for callers that branch on it
 * @param message text for people, worded after Notify's admin app
 * @param columns the columns concerned (missing or duplicated), empty when none are
 */
public record CsvFileError(Kind kind, String message, List<String> columns) {

    public enum Kind { NOT_CSV, EMPTY_FILE, NO_ROWS, NO_RECIPIENT_COLUMN, DUPLICATE_RECIPIENT_COLUMNS, MISSING_COLUMNS, TOO_MANY_ROWS,
        NOT_ALLOWED_TO_SEND_TO }

    public CsvFileError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        columns = List.copyOf(columns);
    }

    static CsvFileError of(Kind kind, String message) {
        return new CsvFileError(kind, message, List.of());
    }
}
