package org.notifyhub.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.notifyhub.common.StrictUtf8;

/**
 * A recipient CSV read the one way the checker and the job both read it: UTF-8 with or without a byte order mark,
 * surrounding spaces dropped, blank lines skipped. Row numbers count the non-blank rows after the header, from 0,
 * so the checker's row 7 is the job's {@code job_row_number} 7.
 */
final class CsvRows {

    // Notify reads with skipinitialspace and skips blank lines; we also drop trailing spaces outside quotes.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final Iterator<CSVRecord> records;

    private CsvRows(Iterator<CSVRecord> records) {
        this.records = records;
    }

    /** Reads lazily: nothing beyond the parser's buffer is held. The stream stays the caller's to close. */
    static CsvRows read(InputStream in) throws IOException {
        return new CsvRows(FORMAT.parse(utf8WithoutBom(in)).iterator());
    }

    /** The next row with any non-empty cell, or null at the end. */
    List<String> next() {
        while (records.hasNext()) {
            List<String> values = records.next().toList();
            if (values.stream().anyMatch(value -> !value.isEmpty())) {
                return values;
            }
        }
        return null;
    }

    private static Reader utf8WithoutBom(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StrictUtf8.decoder()), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
