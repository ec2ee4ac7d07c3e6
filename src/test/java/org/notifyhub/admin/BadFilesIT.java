package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.letters.responses.DvlaResponseFiles;
import org.notifyhub.letters.responses.InvalidDvlaResponseFileException;
import org.notifyhub.letters.LetterRows;
import org.notifyhub.support.AlertWebhook;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The bad-input suite for files: recipient CSVs that Notify's checks refuse (400 in the admin envelope, nothing
 * stored, no job, no notification) and DVLA response files that must be rejected whole (alerted, no row changed).
 * BadBytesIT adds the CSVs that are not UTF-8 text; DvlaResponseFilesIT the FTP and bucket paths.
 */
class BadFilesIT extends AdminApiTest {

    private static TestService service;
    private static TestService letterService;

    @Autowired
    private S3Client s3;

    @Autowired
    private DvlaResponseFiles responseFiles;

    @BeforeEach
    void service() {
        if (service == null) {
            service = testServices.create(false, List.of("sms", "email"));
            letterService = testServices.create(false, List.of("letter"));
        }
    }

    record CsvCase(String name, String template, String csv) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<CsvCase> csvs() {
        return Stream.of(
                new CsvCase("empty", "sms", ""),
                new CsvCase("one blank line", "sms", "\n"),
                new CsvCase("only spaces", "sms", "   \n   \n"),
                new CsvCase("a header and no rows", "sms", "phone number,name\n"),
                new CsvCase("rows that are all empty", "sms", "phone number,name\n,\n,\n"),
                new CsvCase("no recipient column", "sms", "name\nAda\n"),
                new CsvCase("an email column for a text message", "sms", "email address,name\nada@example.com,Ada\n"),
                new CsvCase("a phone column for an email", "email", "phone number,name\n07700900123,Ada\n"),
                new CsvCase("no column for a placeholder", "sms", "phone number\n07700900123\n"),
                new CsvCase("a recipient missing", "sms", "phone number,name\n,Ada\n"),
                new CsvCase("a placeholder missing", "sms", "phone number,name\n07700900123,\n"),
                new CsvCase("a number with letters", "sms", "phone number,name\n0770090012a,Ada\n"),
                new CsvCase("a number too short", "sms", "phone number,name\n0770090012,Ada\n"),
                new CsvCase("a number too long", "sms", "phone number,name\n077009001234,Ada\n"),
                new CsvCase("a number with symbols", "sms", "phone number,name\n07700#900123,Ada\n"),
                new CsvCase("a landline", "sms", "phone number,name\n020 7946 0000,Ada\n"),
                new CsvCase("an international number without the permission", "sms", "phone number,name\n+1 202 555 0123,Ada\n"),
                new CsvCase("one bad row among good ones", "sms", "phone number,name\n07700900123,Ada\n07700900124,Bo\nnope,Cy\n"),
                new CsvCase("an address without an at", "email", "email address,name\nada.example.com,Ada\n"),
                new CsvCase("an address with a space", "email", "email address,name\nada lovelace@example.com,Ada\n"),
                new CsvCase("an address without a domain", "email", "email address,name\nada@,Ada\n"),
                new CsvCase("an address with two dots", "email", "email address,name\nada@example..com,Ada\n"),
                new CsvCase("an email placeholder missing", "email", "email address,name\nada@example.com,\n"),
                new CsvCase("an email column missing", "email", "name\nAda\n"));
    }

    @ParameterizedTest(name = "csv: {0}")
    @MethodSource("csvs")
    void aRecipientFileNotifyRefusesGets400AndNothingIsStored(CsvCase c) throws Exception {
        long jobs = count("jobs");
        long notifications = count("notifications");
        UUID template = c.template().equals("sms") ? service.smsTemplate() : service.emailTemplate();

        AdminClient.Response response = admin.send("POST", "/service/" + service.id() + "/job/upload?template_id="
                + template, c.csv(), "Bearer " + admin.token(), "text/csv");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("result").asText()).isEqualTo("error");
        assertThat(response.json().path("message").isMissingNode()).isFalse();
        assertThat(stored()).isEmpty();
        assertThat(count("jobs")).isEqualTo(jobs);
        assertThat(count("notifications")).isEqualTo(notifications);
    }

    record ResponseCase(String name, byte[] content) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ResponseCase> responses() {
        return Stream.of(
                text("three fields", "{ref}|Sent|1\n"),
                text("five fields", "{ref}|Sent|1|Sorted|more\n"),
                text("a page count that is not a number", "{ref}|Sent|one|Sorted\n"),
                text("an empty page count", "{ref}|Sent||Sorted\n"),
                text("an empty reference", "|Sent|1|Sorted\n"),
                text("an empty status", "{ref}||1|Sorted\n"),
                text("an unknown cost threshold", "{ref}|Sent|1|Franked\n"),
                text("a good line then a bad one", "{ref}|Sent|1|Sorted\nXYZ|Sent\n"),
                text("commas instead of bars", "{ref},Sent,1,Sorted\n"),
                text("empty", ""),
                text("blank lines only", "\n\n  \n"),
                text("a NUL in a reference", "{ref}\u0000|Sent|1|Sorted\n"),
                new ResponseCase("Latin-1", "{ref}|Sent|1|Sorted\nCAF\u00c9|Sent|1|Sorted\n".getBytes(StandardCharsets.ISO_8859_1)),
                new ResponseCase("UTF-16", "{ref}|Sent|1|Sorted\n".getBytes(StandardCharsets.UTF_16)),
                new ResponseCase("binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, (byte) 0x81}));
    }

    @ParameterizedTest(name = "dvla response: {0}")
    @MethodSource("responses")
    void aResponseFileThatIsNotValidIsRejectedWholeWithAnAlertAndChangesNothing(ResponseCase c) {
        LetterRows letters = new LetterRows(jdbc);
        String reference = LetterRows.reference();
        letters.insert(letterService, reference, "sending", LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String name = randomFileName();
        byte[] content = new String(c.content(), StandardCharsets.ISO_8859_1).replace("{ref}", reference)
                .getBytes(StandardCharsets.ISO_8859_1);
        if (c.name().equals("UTF-16")) {
            content = c.content();
        }
        byte[] bytes = content;

        assertThatThrownBy(() -> responseFiles.apply(name, bytes, "test"))
                .isInstanceOf(InvalidDvlaResponseFileException.class);

        assertThat(letters.status(reference)).isEqualTo("sending");
        assertThat(jdbc.sql("SELECT count(*) FROM dvla_response_files WHERE file_name = :f").param("f", name)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM daily_sorted_letter WHERE file_name = :f").param("f", name)
                .query(Long.class).single()).isZero();
        assertThat(AlertWebhook.mentioning(name)).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("kind", "dvla-response-file-rejected"));
    }

    private static ResponseCase text(String name, String content) {
        return new ResponseCase(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomFileName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDateTime when = LocalDateTime.of(random.nextInt(2019, 2026), random.nextInt(1, 13), random.nextInt(1, 29),
                random.nextInt(24), random.nextInt(60), random.nextInt(60));
        return "NOTIFY-" + when.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "-RSP.TXT";
    }

    private List<?> stored() {
        try {
            return s3.listObjectsV2(request -> request.bucket("notifications-csv-upload")
                    .prefix("service-" + service.id())).contents();
        } catch (NoSuchBucketException e) {
            return List.of();
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
