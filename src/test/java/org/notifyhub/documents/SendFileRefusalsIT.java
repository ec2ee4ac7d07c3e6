package org.notifyhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Every refusal of a file sent by email, in Notify's status, error class and words, and nothing stored for any of
 * them: no notification, no documents row, no object in the documents bucket. In each request a good file goes first,
 * so "nothing stored" also shows that every file is checked before any is kept.
 */
class SendFileRefusalsIT extends HubIntegrationTest {

    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    private static final String SUPPORTED = "'.csv', '.doc', '.docx', '.jpeg', '.jpg', '.json', '.odt', '.pdf', "
            + "'.png', '.rtf', '.txt', '.xlsx'";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private S3Client s3;

    @Value("${notify.documents.bucket}")
    private String bucket;

    private TestService service;

    @BeforeEach
    void serviceThatMaySendFiles() {
        service = testServices.create(false, List.of("email", "sms", "letter"));
        testServices.setContactLink(service.id(), "https://example.gov.uk/contact");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("file too big", file(new byte[2 * 1024 * 1024 + 1025]), 400, "BadRequestError",
                        "Uploaded file exceeds file size limit"),
                Arguments.of("type not allowed (a zip)", file(zip()), 400, "BadRequestError",
                        "Unsupported file type 'application/zip'. Supported types are: " + SUPPORTED),
                Arguments.of("file name with a type not allowed", with(file(pdf()), "filename", "setup.exe"), 400,
                        "BadRequestError", "Unsupported file type '.exe'. Supported types are: " + SUPPORTED),
                Arguments.of("file name longer than 100", with(file(pdf()), "filename", "a".repeat(97) + ".pdf"),
                        400, "BadRequestError", "`filename` cannot be longer than 100 characters"),
                Arguments.of("file name without extension", with(file(pdf()), "filename", "report"), 400,
                        "ValidationError",
                        "filename `filename` must end with a file extension. For example, filename.csv"),
                Arguments.of("retention period over 78 weeks", with(file(pdf()), "retention_period", "79 weeks"), 400,
                        "ValidationError", "retention_period Unsupported value for retention_period: 79 weeks. "
                                + "Supported periods are from 1 to 78 weeks."),
                Arguments.of("retention period in days", with(file(pdf()), "retention_period", "30 days"), 400,
                        "ValidationError", "retention_period Unsupported value for retention_period: 30 days. "
                                + "Supported periods are from 1 to 78 weeks."),
                Arguments.of("confirm_email_before_download not a boolean",
                        with(file(pdf()), "confirm_email_before_download", "yes"), 400, "ValidationError",
                        "confirm_email_before_download Unsupported value for confirm_email_before_download: yes. "
                                + "Use a boolean true or false value."),
                Arguments.of("is_csv not a boolean", with(file(pdf()), "is_csv", "no"), 400, "ValidationError",
                        "is_csv Unsupported value for is_csv: no. Use a boolean true or false value."),
                Arguments.of("is_csv with a file name", with(with(file(pdf()), "is_csv", true), "filename", "a.csv"),
                        400, "ValidationError", "Do not set a value for `is_csv` if `filename` is set."),
                Arguments.of("a key Notify does not know", with(file(pdf()), "colour", "blue"), 400,
                        "ValidationError", "Additional properties are not allowed (colour was unexpected)"),
                Arguments.of("virus found", file(EICAR.getBytes(StandardCharsets.US_ASCII)), 400, "BadRequestError",
                        "File did not pass the virus scan"),
                Arguments.of("not base64", Map.of("file", "abc"), 400, "BadRequestError",
                        "Document is not base64 encoded"),
                Arguments.of("empty file", Map.of("file", ""), 400, "BadRequestError", "Document must not be empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedInNotifysWordsAndNothingIsStored(String name, Map<String, Object> badFile, int status, String error,
                                                   String message) throws Exception {
        V2Http.Reply reply = send("/v2/notifications/email", "email_address", "someone@example.com",
                service.emailTemplate(), badFile);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.error()).isEqualTo(error);
        assertThat(reply.message()).isEqualTo(message);
        assertNothingStored();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherRefusals")
    void isRefusedWhereNotifyRefusesItAndNothingIsStored(String name, boolean contactDetails, String path,
                                                         String recipientField, String recipient, String message)
            throws Exception {
        if (!contactDetails) {
            testServices.setContactLink(service.id(), null);
        }
        UUID template = path.endsWith("sms") ? service.smsTemplate()
                : path.endsWith("letter") ? service.letterTemplate() : service.emailTemplate();
        V2Http.Reply reply = send(path, recipientField, recipient, template, file(pdf()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("BadRequestError");
        assertThat(reply.message()).isEqualTo(message.replace("{service}", service.id().toString()));
        assertNothingStored();
    }

    /** The daily limit is counted when the row is saved: files stored by then are taken away again. */
    @Test
    void aSendOverTheDailyLimitKeepsNoFile() throws Exception {
        testServices.setDailyLimit(service.id(), "email", 0);

        V2Http.Reply reply = send("/v2/notifications/email", "email_address", "someone@example.com",
                service.emailTemplate(), file(pdf()));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.error()).isEqualTo("TooManyRequestsError");
        assertThat(reply.message()).isEqualTo("Exceeded send limits (email: 0) for today");
        assertNothingStored();
    }

    static Stream<Arguments> otherRefusals() {
        return Stream.of(
                Arguments.of("service without contact details", false, "/v2/notifications/email", "email_address",
                        "someone@example.com", "Send files by email has not been set up - add contact details for "
                                + "your service at http://localhost:6012/services/{service}/service-settings/"
                                + "send-files-by-email"),
                Arguments.of("a file in a text message", true, "/v2/notifications/sms", "phone_number",
                        "07700900123", "Can only send a file by email"),
                Arguments.of("a file in a letter", true, "/v2/notifications/letter", null, null,
                        "Can only send a file by email"));
    }

    private V2Http.Reply send(String path, String recipientField, String recipient, UUID template,
                              Map<String, Object> badFile) throws Exception {
        ObjectNode body = mapper.createObjectNode();
        if (recipientField != null) {
            body.put(recipientField, recipient);
        }
        body.put("template_id", template.toString());
        ObjectNode personalisation = body.putObject("personalisation");
        personalisation.set("name", mapper.valueToTree(file(pdf())));
        personalisation.set("second", mapper.valueToTree(badFile));
        return new V2Http(mapper, baseUrl()).post(path, "Bearer " + Jwt.forKey(service.normalKey()),
                mapper.writeValueAsString(body));
    }

    private void assertNothingStored() {
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :s").param("s", service.id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM documents WHERE service_id = :s").param("s", service.id())
                .query(Integer.class).single()).isZero();
        assertThat(objects(s3, bucket, service.id())).isEmpty();
    }

    /** The keys of a service's files in the documents bucket; none when the bucket was never made. */
    static List<String> objects(S3Client s3, String bucket, UUID serviceId) {
        try {
            return s3.listObjectsV2(list -> list.bucket(bucket).prefix(serviceId + "/")).contents().stream()
                    .map(S3Object::key).toList();
        } catch (NoSuchBucketException e) {
            return List.of();
        }
    }

    static Map<String, Object> file(byte[] content) {
        return Map.of("file", Base64.getEncoder().encodeToString(content));
    }

    static Map<String, Object> with(Map<String, Object> file, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(file);
        changed.put(key, value);
        return changed;
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] zip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("notes.txt"));
                zip.write("hello".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
