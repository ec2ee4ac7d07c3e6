package org.notifyhub.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with one data row.
 *
 * @param row      0-based index among the file's non-blank data rows (the header is not a row)
 * @param cells    column header as written in the file → message ({@code Missing}, or the recipient validator's text)
 * @param messages problems of the row as a whole: the letter address, the message's length
 */
public record CsvRowError(int row, Map<String, String> cells, List<String> messages) {

    public CsvRowError {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        messages = List.copyOf(messages);
    }
}
