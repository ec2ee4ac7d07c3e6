package org.notifyhub.recipients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A reference data file on the classpath: one record a line, fields split by '|', '#' comments and blank lines. */
final class DataFile {

    /** One record, its fields stripped, with where it stands for error messages. */
    record Line(String where, List<String> fields) {

        String field(int index) {
            return fields.get(index);
        }

        IllegalStateException invalid(String problem) {
            return new IllegalStateException(where + ": " + problem);
        }
    }

    private DataFile() {
    }

    /** Every record, each with exactly this many fields (else the file is refused, saying what was expected). */
    static List<Line> read(String resource, int fieldCount, String expected) {
        var stream = DataFile.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing reference data " + resource);
        }
        List<Line> lines = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] fields = text.split("\\|", -1);
                Line line = new Line(resource + ":" + number, List.of(fields).stream().map(String::strip).toList());
                if (fields.length != fieldCount) {
                    throw line.invalid("expected '" + expected + "'");
                }
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
