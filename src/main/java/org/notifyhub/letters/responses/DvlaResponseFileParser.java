package org.notifyhub.letters.responses;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.notifyhub.common.NotifyTime;

/**
 * Reads a DVLA response file (§6.5) whole before anything is applied: a line without exactly four |-separated fields,
 * a page count that is not a number or a cost threshold other than Sorted/Unsorted rejects the file with Notify's
 * DVLAException wording. Blank lines are skipped; a file with no lines at all is rejected (DVLA never sends one). The billing day is the London date of the file name's timestamp,
 * seconds dropped (DVLA once sent a second of 60).
 */
public final class DvlaResponseFileParser {

    public static final String SENT = "Sent";
    /** Which keys are response files at all: Notify took names ending rs.txt or rsp.txt, in any case. */
    public static final Pattern RESPONSE_FILE_NAME = Pattern.compile("(?i).*rsp?\\.txt");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\|");
    /** NUL and the other control characters (tab aside) have no place in a response line, nor in the database. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private DvlaResponseFileParser() {
    }

    public static boolean isResponseFile(String name) {
        return name != null && RESPONSE_FILE_NAME.matcher(name).matches();
    }

    public static DvlaResponseFile parse(String fileName, String content) {
        LocalDate billingDay = billingDay(fileName);
        List<DvlaResponseFile.Line> lines = new ArrayList<>();
        Set<String> unknownSorted = new LinkedHashSet<>();
        int sorted = 0;
        int unsorted = 0;
        for (String raw : content.split("\\R")) {
            if (raw.isBlank()) {
                continue;
            }
            if (CONTROL.matcher(raw).find()) {
                throw invalidFormat(fileName);
            }
            String[] fields = FIELD_SEPARATOR.split(raw.strip(), -1);
            if (fields.length != 4 || fields[0].isBlank() || fields[1].isBlank()) {
                throw invalidFormat(fileName);
            }
            int pageCount;
            try {
                pageCount = Integer.parseInt(fields[2].strip());
            } catch (NumberFormatException e) {
                throw invalidFormat(fileName);
            }
            String costThreshold = fields[3].strip();
            switch (costThreshold.toLowerCase(Locale.ROOT)) {
                case "sorted" -> sorted++;
                case "unsorted" -> unsorted++;
                default -> unknownSorted.add(costThreshold);
            }
            lines.add(new DvlaResponseFile.Line(fields[0].strip(), fields[1].strip(), pageCount,
                    "sorted".equalsIgnoreCase(costThreshold)));
        }
        if (lines.isEmpty()) {
            throw new InvalidDvlaResponseFileException("DVLA response file: " + fileName + " is empty");
        }
        if (!unknownSorted.isEmpty()) {
            throw new InvalidDvlaResponseFileException("DVLA response file: " + fileName
                    + " contains unknown Sorted status " + pythonSet(unknownSorted));
        }
        return new DvlaResponseFile(fileName, billingDay, List.copyOf(lines), sorted, unsorted);
    }

    /** NOTIFY-20180125140000-RSP.TXT: 2018-01-25 14:00 UTC, as a London date. */
    static LocalDate billingDay(String fileName) {
        String[] parts = fileName.split("-");
        if (parts.length < 3 || parts[1].length() < 3) {
            throw invalidName(fileName);
        }
        try {
            LocalDateTime utc = LocalDateTime.parse(parts[1].substring(0, parts[1].length() - 2), MINUTES);
            return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(NotifyTime.LONDON).toLocalDate();
        } catch (DateTimeParseException e) {
            throw invalidName(fileName);
        }
    }

    /** Python's list repr, as Notify's alert shows the references: ['A', 'B']. */
    public static String pythonList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String pythonSet(Set<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "{", "}"));
    }

    private static InvalidDvlaResponseFileException invalidFormat(String fileName) {
        return new InvalidDvlaResponseFileException("DVLA response file: " + fileName + " has an invalid format");
    }

    private static InvalidDvlaResponseFileException invalidName(String fileName) {
        return new InvalidDvlaResponseFileException("DVLA response file: " + fileName
                + " has an invalid name (expected NOTIFY-YYYYMMDDHHMMSS-RSP.TXT)");
    }
}
