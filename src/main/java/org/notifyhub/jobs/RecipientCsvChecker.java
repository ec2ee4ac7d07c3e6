package org.notifyhub.jobs;

import org.notifyhub.jobs.CsvFileError.Kind;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.recipients.PostalAddresses;
import org.notifyhub.templates.EmailRenderer;
import org.notifyhub.templates.Placeholders;
import org.notifyhub.templates.SmsRenderer;
import org.notifyhub.templates.TemplateType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a recipient CSV for a job the way GOV.UK Notify does before it lets a job start (notifications-utils
 * {@code RecipientCSV}): header rules, then every row's recipient and personalisation. Reads the stream once,
 * row by row, so a 100,000-row file never sits in memory; only the first {@code maxRowErrors} row errors are kept.
 */
public final class RecipientCsvChecker {

    public static final int MAX_ROWS = 100_000;
    public static final int DEFAULT_MAX_ROW_ERRORS = 100;
    public static final String MISSING = "Missing";

    static final String PHONE_NUMBER = "phone number";
    static final String EMAIL_ADDRESS = "email address";
    static final List<String> ADDRESS_LINES_1_TO_6_AND_POSTCODE = List.of(
            "address line 1", "address line 2", "address line 3", "address line 4", "address line 5",
            "address line 6", "postcode");
    static final List<String> ADDRESS_LINES_1_TO_7 = List.of(
            "address line 1", "address line 2", "address line 3", "address line 4", "address line 5",
            "address line 6", "address line 7");
    private static final int MIN_ADDRESS_COLUMNS = 3;

    private final int maxRowErrors;

    public RecipientCsvChecker() {
        this(DEFAULT_MAX_ROW_ERRORS);
    }

    public RecipientCsvChecker(int maxRowErrors) {
        if (maxRowErrors < 0) {
            throw new IllegalArgumentException("maxRowErrors must not be negative: " + maxRowErrors);
        }
        this.maxRowErrors = maxRowErrors;
    }

    /**
     * Reads the CSV (UTF-8, with or without a byte order mark) to its end. The stream is not closed: it is the
     * caller's.
     */
    public RecipientCsvResult check(RecipientCsv csv, InputStream in) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(in, "in");
        try {
            CsvRows records = CsvRows.read(in);
            List<String> headers = records.next();
            if (headers == null) {
                return invalid(0, CsvFileError.of(Kind.EMPTY_FILE, "Your file is empty."));
            }
            if (headers.stream().anyMatch(RecipientCsvChecker::hasControlCharacters)) {
                return notCsv();
            }
            Columns columns = new Columns(csv, headers);
            List<CsvFileError> fileErrors = new ArrayList<>(columns.errors());
            RowChecker rowChecker = fileErrors.isEmpty() ? new RowChecker(csv, columns) : null;

            int rowCount = 0;
            int rowErrorCount = 0;
            Map<Integer, CsvRowError> rowErrors = new LinkedHashMap<>();
            List<String> row;
            while ((row = records.next()) != null) {
                if (row.stream().anyMatch(RecipientCsvChecker::hasControlCharacters)) {
                    return notCsv();
                }
                int index = rowCount++;
                if (rowChecker == null || index >= MAX_ROWS) {
                    continue;
                }
                CsvRowError error = rowChecker.check(index, row);
                if (error != null) {
                    rowErrorCount++;
                    if (rowErrors.size() < maxRowErrors) {
                        rowErrors.put(index, error);
                    }
                }
            }
            if (rowChecker != null && rowChecker.notAllowed > 0) {
                fileErrors.add(CsvFileError.of(Kind.NOT_ALLOWED_TO_SEND_TO, notAllowedMessage(csv.templateType(),
                        rowChecker.notAllowed)));
            }
            if (rowCount == 0) {
                fileErrors.add(CsvFileError.of(Kind.NO_ROWS,
                        "Your file is missing some rows. It needs at least one row of data."));
            }
            if (rowCount > MAX_ROWS) {
                fileErrors.add(CsvFileError.of(Kind.TOO_MANY_ROWS, String.format(
                        "Your file has too many rows. Notify can process up to %,d rows at once. Your file has %,d rows.",
                        MAX_ROWS, rowCount)));
            }
            boolean valid = fileErrors.isEmpty() && rowErrorCount == 0;
            return new RecipientCsvResult(valid, rowCount, fileErrors, rowErrors, rowErrorCount);
        } catch (UncheckedIOException | IllegalStateException | IOException unreadable) {
            // bytes that are not UTF-8, or quoting that never closes
            return notCsv();
        }
    }

    /** Text files have no control characters but tab and line breaks; spreadsheets and images do. */
    private static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** The admin app's trial-mode banner, as one sentence. */
    private static String notAllowedMessage(TemplateType type, int count) {
        String recipient = type == TemplateType.SMS ? PHONE_NUMBER : EMAIL_ADDRESS;
        String plural = type == TemplateType.SMS ? "s" : "es";
        return "You cannot send to " + (count == 1 ? "this " + recipient : "these " + recipient + plural)
                + ". In trial mode you can only send to yourself and members of your team.";
    }

    /** What a file that is not UTF-8 text gets, for callers that learn so before the checker reads it. */
    public static RecipientCsvResult unreadable() {
        return notCsv();
    }

    private static RecipientCsvResult notCsv() {
        return invalid(0, CsvFileError.of(Kind.NOT_CSV,
                "Notify cannot read this file. Save it as a CSV file (comma-separated values, UTF-8) and try again."));
    }

    private static RecipientCsvResult invalid(int rowCount, CsvFileError error) {
        return new RecipientCsvResult(false, rowCount, List.of(error), Map.of(), 0);
    }

    static String key(String column) {
        return Placeholders.normalise(column);
    }

    static String quoted(String column) {
        return "‘" + column + "’";
    }

    /** The admin app's formatted_list: ‘a’, ‘b’ and ‘c’ (or ‘a’ or ‘b’), after a singular or plural prefix. */
    static String formattedList(List<String> items, String conjunction, String prefix, String prefixPlural) {
        List<String> quoted = items.stream().map(RecipientCsvChecker::quoted).toList();
        if (quoted.size() == 1) {
            return prefix + quoted.get(0);
        }
        return prefixPlural + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " " + conjunction + " "
                + quoted.get(quoted.size() - 1);
    }

    /** The header row read against the template: where the recipient and personalisation columns are. */
    static final class Columns {

        final List<String> headers;
        /** normalised key → first column index with that key */
        final Map<String, Integer> indexByKey = new LinkedHashMap<>();
        final Set<String> recipientKeys = new LinkedHashSet<>();
        /** placeholders that need a non-empty cell in each row: not address lines, not the recipient column */
        final List<String> personalisationColumns = new ArrayList<>();
        private final List<CsvFileError> errors = new ArrayList<>();

        Columns(RecipientCsv csv, List<String> headers) {
            this.headers = headers;
            for (int i = 0; i < headers.size(); i++) {
                if (!headers.get(i).isEmpty()) {
                    indexByKey.putIfAbsent(key(headers.get(i)), i);
                }
            }
            switch (csv.templateType()) {
                case SMS -> recipientKeys.add(key(PHONE_NUMBER));
                case EMAIL -> recipientKeys.add(key(EMAIL_ADDRESS));
                case LETTER -> {
                    ADDRESS_LINES_1_TO_6_AND_POSTCODE.forEach(column -> recipientKeys.add(key(column)));
                    ADDRESS_LINES_1_TO_7.forEach(column -> recipientKeys.add(key(column)));
                }
            }
            checkRecipientColumns(csv.templateType());
            checkDuplicateRecipientColumns();
            checkPersonalisationColumns(csv);
        }

        List<CsvFileError> errors() {
            return errors;
        }

        Integer index(String column) {
            return indexByKey.get(key(column));
        }

        private void checkRecipientColumns(TemplateType type) {
            if (type != TemplateType.LETTER) {
                if (!indexByKey.keySet().containsAll(recipientKeys)) {
                    String column = type == TemplateType.SMS ? PHONE_NUMBER : EMAIL_ADDRESS;
                    errors.add(new CsvFileError(Kind.NO_RECIPIENT_COLUMN,
                            "Your file needs a column called " + quoted(column) + ". " + rightNow(), List.of(column)));
                }
                return;
            }
            // Notify: 3 of lines 1–6 and postcode, or 3 of lines 1–7
            if (presentCount(ADDRESS_LINES_1_TO_6_AND_POSTCODE) < MIN_ADDRESS_COLUMNS
                    && presentCount(ADDRESS_LINES_1_TO_7) < MIN_ADDRESS_COLUMNS) {
                errors.add(new CsvFileError(Kind.NO_RECIPIENT_COLUMN,
                        "Your file needs at least 3 address columns, for example ‘address line 1’, "
                                + "‘address line 2’ and ‘address line 3’. " + rightNow(),
                        ADDRESS_LINES_1_TO_6_AND_POSTCODE.subList(0, MIN_ADDRESS_COLUMNS)));
            }
        }

        /** The admin app's second sentence: what the file has instead. */
        private String rightNow() {
            List<String> named = headers.stream().filter(header -> !header.isEmpty()).toList();
            return "Right now it has " + formattedList(named, "and", "one column, called ", "columns called ") + ".";
        }

        private long presentCount(List<String> columns) {
            return columns.stream().filter(column -> indexByKey.containsKey(key(column))).count();
        }

        private void checkDuplicateRecipientColumns() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String header : headers) {
                if (recipientKeys.contains(key(header))) {
                    counts.merge(key(header), 1, Integer::sum);
                }
            }
            List<String> duplicated = headers.stream()
                    .filter(header -> counts.getOrDefault(key(header), 0) > 1)
                    .toList();
            if (!duplicated.isEmpty()) {
                errors.add(new CsvFileError(Kind.DUPLICATE_RECIPIENT_COLUMNS,
                        "We found more than one column called " + formattedList(duplicated, "or", "", "")
                                + ". Delete or rename one of these columns and try again.",
                        duplicated));
            }
        }

        private void checkPersonalisationColumns(RecipientCsv csv) {
            List<String> missing = new ArrayList<>();
            for (String placeholder : Placeholders.names(csv.subject(), csv.content())) {
                if (recipientKeys.contains(key(placeholder))) {
                    continue;
                }
                if (indexByKey.containsKey(key(placeholder))) {
                    personalisationColumns.add(placeholder);
                } else {
                    missing.add(placeholder);
                }
            }
            if (!missing.isEmpty()) {
                errors.add(new CsvFileError(Kind.MISSING_COLUMNS,
                        "Your column names need to match the double brackets in your template. Your file is missing "
                                + formattedList(missing, "and", "a column called ", "columns called ") + ".",
                        missing));
            }
        }
    }

    /** Checks rows once the header row is known to be right. */
    static final class RowChecker {

        private final RecipientCsv csv;
        private final Columns columns;
        /** Valid recipients a trial-mode service may not send to. */
        int notAllowed;
        /** With no placeholders every row renders the same message, so it is measured once. */
        private final List<String> fixedMessageErrors;

        RowChecker(RecipientCsv csv, Columns columns) {
            this.csv = csv;
            this.columns = columns;
            this.fixedMessageErrors = Placeholders.names(csv.subject(), csv.content()).isEmpty()
                    ? messageErrors(Map.of())
                    : null;
        }

        CsvRowError check(int index, List<String> row) {
            Map<String, String> cells = new LinkedHashMap<>();
            List<String> messages = new ArrayList<>();
            switch (csv.templateType()) {
                case SMS -> checkRecipient(row, PHONE_NUMBER, cells, value -> (csv.allowInternationalSms()
                        ? PhoneNumbers.parse(value) : PhoneNumbers.parseUk(value))
                        .checkPermitted(csv.allowInternationalSms(), csv.allowSmsToUkLandlines()).normalised());
                case EMAIL -> checkRecipient(row, EMAIL_ADDRESS, cells, value -> {
                    EmailAddresses.validate(value);
                    return EmailAddresses.normalise(value);
                });
                case LETTER -> checkAddress(row, messages);
            }
            for (String column : columns.personalisationColumns) {
                int i = columns.index(column);
                if (value(row, i).isEmpty()) {
                    cells.putIfAbsent(columns.headers.get(i), MISSING);
                }
            }
            if (cells.isEmpty()) {
                messages.addAll(fixedMessageErrors != null ? fixedMessageErrors : messageErrors(personalisation(row)));
            }
            return cells.isEmpty() && messages.isEmpty() ? null : new CsvRowError(index, cells, messages);
        }

        /** Checks a recipient and gives back its normalised form. */
        private interface Validator {
            String validate(String value);
        }

        private void checkRecipient(List<String> row, String column, Map<String, String> cells, Validator validator) {
            int i = columns.index(column);
            String value = value(row, i);
            if (value.isEmpty()) {
                cells.put(columns.headers.get(i), MISSING);
                return;
            }
            try {
                String normalised = validator.validate(value);
                if (csv.guestList() != null && !csv.guestList().contains(normalised)) {
                    notAllowed++;
                }
            } catch (InvalidRecipientException invalid) {
                cells.put(columns.headers.get(i), invalid.getMessage());
            }
        }

        private void checkAddress(List<String> row, List<String> messages) {
            Map<String, String> address = new LinkedHashMap<>();
            for (int i = 0; i < columns.headers.size(); i++) {
                String header = columns.headers.get(i);
                if (columns.recipientKeys.contains(key(header))) {
                    address.putIfAbsent(header, value(row, i));
                }
            }
            try {
                PostalAddresses.validate(PostalAddresses.fromCsvRow(address), csv.allowInternationalLetters());
            } catch (InvalidRecipientException invalid) {
                messages.add(invalid.getMessage());
            }
        }

        private Map<String, String> personalisation(List<String> row) {
            return JobRows.personalisation(columns.headers, row);
        }

        private List<String> messageErrors(Map<String, String> personalisation) {
            switch (csv.templateType()) {
                case SMS -> {
                    var sms = SmsRenderer.render(csv.content(), personalisation, null);
                    if (sms.isEmpty()) {
                        return List.of("Your message is empty.");
                    }
                    if (sms.isTooLong()) {
                        return List.of("Your message is too long. Text messages cannot be longer than "
                                + SmsRenderer.MAX_CHARACTERS + " characters. Your message is "
                                + sms.contentLengthWithoutPrefix() + " characters long.");
                    }
                }
                case EMAIL -> {
                    var email = EmailRenderer.render(csv.subject(), csv.content(), personalisation);
                    if (email.isEmpty()) {
                        return List.of("Your message is empty.");
                    }
                    if (email.isTooLong()) {
                        return List.of("Your message is too long. Emails cannot be longer than "
                                + EmailRenderer.MAX_BODY_BYTES + " bytes. Your message is "
                                + email.bodyByteLength() + " bytes.");
                    }
                }
                case LETTER -> {
                    // letter length is a page count, checked when the PDF is made
                }
            }
            return List.of();
        }

        private static String value(List<String> row, int index) {
            return index < row.size() ? row.get(index) : "";
        }
    }
}
