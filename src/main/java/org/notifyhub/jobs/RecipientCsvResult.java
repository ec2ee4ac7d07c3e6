package org.notifyhub.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking a recipient CSV.
 *
 * @param valid         no file errors and no row errors: the job can be created
 * @param rowCount      non-blank data rows in the file, counted to the end even past the row limit
 * @param fileErrors    problems with the file as a whole
 * @param rowErrors     the first row errors (at most the checker's limit), keyed by 0-based row, in row order
 * @param rowErrorCount how many rows have errors in all, including those not listed
 */
public record RecipientCsvResult(boolean valid, int rowCount, List<CsvFileError> fileErrors,
        Map<Integer, CsvRowError> rowErrors, int rowErrorCount) {

    public RecipientCsvResult {
        fileErrors = List.copyOf(fileErrors);
        rowErrors = Collections.unmodifiableMap(new LinkedHashMap<>(rowErrors));
    }
}
