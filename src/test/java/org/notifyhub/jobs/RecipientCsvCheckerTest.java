package org.notifyhub.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.jobs.CsvFileError.Kind;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientCsvCheckerTest {

    private static final RecipientCsv SMS = RecipientCsv.sms("Hello ((name))", false, false);
    private static final RecipientCsv SMS_INTERNATIONAL = RecipientCsv.sms("Hello ((name))", true, false);
    private static final RecipientCsv EMAIL = RecipientCsv.email("Hi ((name))", "Your reference is ((reference))");
    private static final RecipientCsv LETTER = RecipientCsv.letter("Your letter", "Dear ((name))", false);
    private static final RecipientCsv LETTER_INTERNATIONAL = RecipientCsv.letter("Your letter", "Dear ((name))", true);
    private static final RecipientCsv SMS_TO_LANDLINES = RecipientCsv.sms("Hello ((name))", false, true);
    private static final RecipientCsv SMS_WHOLE_MESSAGE = RecipientCsv.sms("((message))", false, false);

    private static final String NOT_VALID = "Number is not valid – double check the phone number you entered";

    private final RecipientCsvChecker checker = new RecipientCsvChecker();

    /**
     * One file and what Notify makes of it.
     *
     * @param fileErrors expected file error kinds, exactly
     * @param cells      expected cell errors by row, exactly (rows not listed have no cell errors)
     * @param messages   expected row-wide messages by row, exactly
     */
    record Case(String name, RecipientCsv csv, String file, int rowCount, Set<Kind> fileErrors,
            Map<Integer, Map<String, String>> cells, Map<Integer, List<String>> messages) {

        boolean valid() {
            return fileErrors.isEmpty() && cells.isEmpty() && messages.isEmpty();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case good(String name, RecipientCsv csv, String file, int rows) {
        return new Case(name, csv, file, rows, Set.of(), Map.of(), Map.of());
    }

    static Case fileError(String name, RecipientCsv csv, String file, int rows, Kind... kinds) {
        return new Case(name, csv, file, rows, Set.of(kinds), Map.of(), Map.of());
    }

    static Case cellErrors(String name, RecipientCsv csv, String file, int rows, Map<Integer, Map<String, String>> cells) {
        return new Case(name, csv, file, rows, Set.of(), cells, Map.of());
    }

    static Case rowMessages(String name, RecipientCsv csv, String file, int rows, Map<Integer, List<String>> messages) {
        return new Case(name, csv, file, rows, Set.of(), Map.of(), messages);
    }

    static Stream<Case> cases() {
        return Stream.of(
                good("good SMS file", SMS, fixture("good-sms.csv"), 3),
                good("good email file", EMAIL, "email address,name,reference\nalice@example.com,Alice,r1\n", 1),
                good("good email fixture with extra and unused columns",
                        RecipientCsv.email("Hi", "Hello ((name))"), fixture("good-email.csv"), 2),
                good("good letter file", LETTER, fixture("good-letter.csv"), 2),
                good("extra columns are allowed", SMS,
                        "phone number,name,shoe size,notes\n07700900123,Alice,5,\n", 1),
                good("column names ignore case, spaces, underscores and hyphens",
                        RecipientCsv.sms("Hi ((First Name)) ((last_name))", false, false),
                        "PHONE_NUMBER,first-name,LastName\n07700900123,Alice,Smith\n", 1),
                good("letter columns ignore case, spaces, underscores and hyphens", LETTER,
                        "Address_Line_1,ADDRESS-LINE-2,addressline3,Post Code,NAME\nA Person,1 Street,Town,SW1A 1AA,A\n", 1),
                good("blank lines and rows of empty cells are skipped", SMS,
                        "\nphone number,name\n\n07700900123,Alice\n,\n07700900456,Bob\n", 2),
                good("crown dependency numbers need no international permission", SMS,
                        "phone number,name\n07797 123456,Alice\n", 1),
                good("international number with permission", SMS_INTERNATIONAL,
                        "phone number,name\n+1 202 555 0104,Alice\n+33 1 23 45 67 89,Bob\n", 2),
                good("UK landlines with sms_to_uk_landlines", SMS_TO_LANDLINES,
                        "phone number,name\n020 7946 0991,Alice\n+44 117 496 0860,Bob\n07700900123,Carol\n", 3),
                good("international letter with permission", LETTER_INTERNATIONAL,
                        "address line 1,address line 2,address line 3,address line 4,name\nA Person,1 Rue,Paris,France,A\n", 1),
                good("letter using address line 7 instead of postcode", LETTER,
                        "address line 1,address line 2,address line 7,name\nA Person,1 Street,SW1A 1AA,A\n", 1),

                fileError("empty file", SMS, "", 0, Kind.EMPTY_FILE),
                fileError("only blank lines", SMS, "\n\n \n", 0, Kind.EMPTY_FILE),
                fileError("header-only file", SMS, "phone number,name\n", 0, Kind.NO_ROWS),
                fileError("no phone number column", SMS, "mobile,name\n07700900123,Alice\n", 1,
                        Kind.NO_RECIPIENT_COLUMN),
                fileError("no email address column", EMAIL, "email,name,reference\na@example.com,A,1\n", 1,
                        Kind.NO_RECIPIENT_COLUMN),
                fileError("letter with only two address columns", LETTER,
                        "address line 1,postcode,name\nA Person,SW1A 1AA,A\n", 1, Kind.NO_RECIPIENT_COLUMN),
                fileError("duplicate phone number columns", SMS,
                        "phone number,name,Phone_Number\n07700900123,Alice,07700900456\n", 1,
                        Kind.DUPLICATE_RECIPIENT_COLUMNS),
                fileError("duplicate letter address columns", LETTER,
                        "address line 1,address line 2,address line 3,postcode,ADDRESS LINE 2,name\na,b,c,SW1A 1AA,d,A\n", 1,
                        Kind.DUPLICATE_RECIPIENT_COLUMNS),
                fileError("missing personalisation column", EMAIL,
                        "email address,name\na@example.com,Alice\n", 1, Kind.MISSING_COLUMNS),
                fileError("missing recipient and personalisation columns", SMS,
                        "mobile\n07700900123\n", 1, Kind.NO_RECIPIENT_COLUMN, Kind.MISSING_COLUMNS),
                fileError("unclosed quote", SMS, "phone number,name\n\"07700900123,Alice\n", 0, Kind.NOT_CSV),

                cellErrors("missing cells in recipient and personalisation columns", SMS,
                        "phone number,name\n07700900123,Alice\n,Bob\n07700900456,\n07700900789\n", 4,
                        Map.of(1, Map.of("phone number", "Missing"),
                                2, Map.of("name", "Missing"),
                                3, Map.of("name", "Missing"))),
                cellErrors("bad phone numbers with Notify's texts", SMS,
                        "Phone Number,name\n"
                                + "07700 9001,a\n"
                                + "0770090012345,b\n"
                                + "07700 90012a,c\n"
                                + "020 7946 0000,d\n"
                                + "07700900123,e\n", 5,
                        Map.of(0, Map.of("Phone Number", "Not enough digits"),
                                1, Map.of("Phone Number", "Too many digits"),
                                2, Map.of("Phone Number", "Must not contain letters or symbols"),
                                3, Map.of("Phone Number", "Not a UK mobile number"))),
                cellErrors("premium rate and other ranges that cannot take texts, even with sms_to_uk_landlines",
                        SMS_TO_LANDLINES, "phone number,name\n0900 123 4567,a\n0800 123 4567,b\n07640 123456,c\n", 3,
                        Map.of(0, Map.of("phone number", NOT_VALID), 1, Map.of("phone number", NOT_VALID),
                                2, Map.of("phone number", NOT_VALID))),
                cellErrors("international number without permission", SMS,
                        "phone number,name\n+1 202 555 0104,Alice\n", 1,
                        Map.of(0, Map.of("phone number", "Not a UK mobile number"))),
                cellErrors("international number with permission but no such country", SMS_INTERNATIONAL,
                        "phone number,name\n+999 1234 5678,Alice\n", 1,
                        Map.of(0, Map.of("phone number", "Not a valid country prefix"))),
                cellErrors("bad email addresses with Notify's text", EMAIL,
                        "email address,name,reference\n"
                                + "not-an-email,a,1\n"
                                + "a@b,b,2\n"
                                + "first..last@example.com,c,3\n"
                                + "ok@example.com,,4\n", 4,
                        Map.of(0, Map.of("email address", "Not a valid email address"),
                                1, Map.of("email address", "Not a valid email address"),
                                2, Map.of("email address", "Not a valid email address"),
                                3, Map.of("name", "Missing"))),
                cellErrors("letter name column missing a value", LETTER,
                        "address line 1,address line 2,address line 3,postcode,name\nA Person,1 Street,Town,SW1A 1AA,\n", 1,
                        Map.of(0, Map.of("name", "Missing"))),

                rowMessages("letter with too few address lines", LETTER,
                        "address line 1,address line 2,address line 3,postcode,name\n"
                                + "A Person,,,SW1A 1AA,A\n"
                                + "A Person,1 Street,,SW1A 1AA,B\n", 2,
                        Map.of(0, List.of("Address must be at least 3 lines"))),
                rowMessages("letter with no real postcode", LETTER,
                        "address line 1,address line 2,address line 3,postcode,name\nA Person,1 Street,Town,NOT A POSTCODE,A\n", 1,
                        Map.of(0, List.of("Must be a real UK postcode"))),
                rowMessages("international letter without permission", LETTER,
                        "address line 1,address line 2,address line 3,address line 4,name\nA Person,1 Rue,Paris,France,A\n", 1,
                        Map.of(0, List.of("Must be a real UK postcode"))),
                rowMessages("text message too long or empty", SMS_WHOLE_MESSAGE,
                        "phone number,message\n"
                                + "07700900123," + "a".repeat(919) + "\n"
                                + "07700900123," + "a".repeat(918) + "\n"
                                + "07700900123,\" \"\n", 3,
                        Map.of(0, List.of("Your message is too long. Text messages cannot be longer than 918 characters. "
                                        + "Your message is 919 characters long."),
                                2, List.of("Your message is empty.")))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksFilesAsNotifyDoes(Case c) {
        RecipientCsvResult result = check(c.csv(), c.file());

        assertThat(result.fileErrors()).extracting(CsvFileError::kind).containsExactlyInAnyOrderElementsOf(c.fileErrors());
        assertThat(cellsByRow(result)).isEqualTo(c.cells());
        assertThat(messagesByRow(result)).isEqualTo(c.messages());
        assertThat(result.rowCount()).isEqualTo(c.rowCount());
        assertThat(result.valid()).isEqualTo(c.valid());
        assertThat(result.rowErrorCount()).isEqualTo(result.rowErrors().size());
    }

    @Test
    void fileErrorsSayWhichColumnsAndUseNotifyWording() {
        assertThat(check(SMS, "mobile,name\n07700900123,A\n").fileErrors())
                .containsExactly(new CsvFileError(Kind.NO_RECIPIENT_COLUMN,
                        "Your file needs a column called ‘phone number’. Right now it has columns called ‘mobile’ and ‘name’.",
                        List.of("phone number")));
        assertThat(check(EMAIL, "email address\na@example.com\n").fileErrors())
                .containsExactly(new CsvFileError(Kind.MISSING_COLUMNS,
                        "Your column names need to match the double brackets in your template. "
                                + "Your file is missing columns called ‘name’ and ‘reference’.",
                        List.of("name", "reference")));
        assertThat(check(SMS, "phone number,name,PHONE-NUMBER\n07700900123,A,07700900123\n").fileErrors())
                .containsExactly(new CsvFileError(Kind.DUPLICATE_RECIPIENT_COLUMNS, "We found more than one column called"
                        + " ‘phone number’ or ‘PHONE-NUMBER’. Delete or rename one of these columns and try again.",
                        List.of("phone number", "PHONE-NUMBER")));
        assertThat(check(SMS, "mobile\n07700900123\n").fileErrors()).extracting(CsvFileError::message)
                .contains("Your file needs a column called ‘phone number’. Right now it has one column, called ‘mobile’.");
    }

    @Test
    void aServiceInTrialModeMaySendOnlyToItsTeamAndGuestList() {
        RecipientCsv trial = SMS.restrictedTo(java.util.Set.of("447700900123"));

        RecipientCsvResult allowed = check(trial, "phone number,name\n+44 7700 900123,A\n");
        RecipientCsvResult notAllowed = check(trial,
                "phone number,name\n07700900123,A\n07700900456,B\n07700900789,C\n");

        assertThat(allowed.valid()).isTrue();
        assertThat(notAllowed.valid()).isFalse();
        assertThat(notAllowed.fileErrors()).containsExactly(new CsvFileError(Kind.NOT_ALLOWED_TO_SEND_TO,
                "You cannot send to these phone numbers. In trial mode you can only send to yourself and members of"
                        + " your team.", List.of()));
    }

    @Test
    void byteOrderMarkIsIgnored() {
        RecipientCsvResult result = checker.check(SMS, resource("bom-sms.csv"));

        assertThat(result.fileErrors()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.rowCount()).isEqualTo(1);
    }

    @Test
    void binaryFileIsNotACsv() {
        RecipientCsvResult result = checker.check(SMS, resource("not-a-csv.png"));

        assertThat(result.valid()).isFalse();
        assertThat(result.fileErrors()).extracting(CsvFileError::kind).containsExactly(Kind.NOT_CSV);
    }

    @Test
    void spreadsheetSavedAsXlsxIsNotACsv() {
        byte[] zipHeader = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
        RecipientCsvResult result = checker.check(SMS, new ByteArrayInputStream(zipHeader));

        assertThat(result.fileErrors()).extracting(CsvFileError::kind).containsExactly(Kind.NOT_CSV);
    }

    @Test
    void moreThan100000RowsIsTooMany() {
        RecipientCsvResult result = checker.check(SMS, generatedRows(RecipientCsvChecker.MAX_ROWS + 1));

        assertThat(result.valid()).isFalse();
        assertThat(result.rowCount()).isEqualTo(100_001);
        assertThat(result.fileErrors()).containsExactly(CsvFileError.of(Kind.TOO_MANY_ROWS,
                "Your file has too many rows. Notify can process up to 100,000 rows at once. Your file has 100,001 rows."));
    }

    @Test
    void exactly100000RowsIsAllowed() {
        RecipientCsvResult result = checker.check(SMS, generatedRows(RecipientCsvChecker.MAX_ROWS));

        assertThat(result.fileErrors()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.rowCount()).isEqualTo(100_000);
    }

    @Test
    void onlyTheFirstRowErrorsAreKeptButAllAreCounted() {
        StringBuilder file = new StringBuilder("phone number,name\n");
        for (int i = 0; i < 250; i++) {
            file.append(i % 2 == 0 ? "not a number" : "07700900123").append(",A\n");
        }

        RecipientCsvResult result = new RecipientCsvChecker(10).check(SMS, utf8(file.toString()));

        assertThat(result.valid()).isFalse();
        assertThat(result.rowCount()).isEqualTo(250);
        assertThat(result.rowErrorCount()).isEqualTo(125);
        assertThat(result.rowErrors()).hasSize(10);
        assertThat(result.rowErrors().keySet()).containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
        assertThat(new RecipientCsvChecker().check(SMS, utf8(file.toString())).rowErrors()).hasSize(100);
    }

    @Test
    void theCallersStreamIsLeftOpen() {
        var closed = new boolean[1];
        InputStream in = new ByteArrayInputStream("phone number,name\n07700900123,A\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        assertThat(checker.check(SMS, in).valid()).isTrue();
        assertThat(closed[0]).isFalse();
    }

    private RecipientCsvResult check(RecipientCsv csv, String file) {
        return checker.check(csv, utf8(file));
    }

    private static Map<Integer, Map<String, String>> cellsByRow(RecipientCsvResult result) {
        return result.rowErrors().values().stream()
                .filter(error -> !error.cells().isEmpty())
                .collect(Collectors.toMap(CsvRowError::row, CsvRowError::cells));
    }

    private static Map<Integer, List<String>> messagesByRow(RecipientCsvResult result) {
        return result.rowErrors().values().stream()
                .filter(error -> !error.messages().isEmpty())
                .collect(Collectors.toMap(CsvRowError::row, CsvRowError::messages));
    }

    /** A header and {@code rows} valid rows, produced as they are read so the test never holds the file. */
    private static InputStream generatedRows(int rows) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                String line = next < 0 ? "phone number,name\n" : String.format("0770090%04d,Person %d%n", next % 10_000, next);
                next++;
                return utf8(line);
            }
        };
        return new SequenceInputStream(parts);
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream resource(String name) {
        InputStream in = RecipientCsvCheckerTest.class.getResourceAsStream("/fixtures/csv/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static String fixture(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
