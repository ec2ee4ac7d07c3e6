package org.notifyhub.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices;
import org.notifyhub.support.V2Http;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/** Letters through the real queues, S3Proxy and PostgreSQL: templated PDFs, test keys, precompiled scans. */
class LetterPdfsIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> ADDRESS = Map.of("address_line_1", "Ms Jo Bloggs",
            "address_line_2", "10 Downing Street", "address_line_3", "London", "postcode", "sw1a2aa");
    private static final List<String> PDF_ADDRESS = List.of("Mr B Smith", "2 Low Road", "Bristol", "BS1 4DJ");

    @Autowired
    private org.apache.camel.ProducerTemplate producer;

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private S3Client s3;
    @Autowired
    private SqsClient sqs;
    @Autowired
    private TemplateRepository templates;
    @Autowired
    private NotificationRepository notifications;

    @Value("${notify.buckets.letters-pdf}")
    private String pdfBucket;
    @Value("${notify.buckets.test-letters}")
    private String testBucket;
    @Value("${notify.buckets.letters-invalid-pdf}")
    private String invalidBucket;
    @Value("${notify.buckets.letters-scan}")
    private String scanBucket;
    @Value("${notify.buckets.dvla-response}")
    private String responseBucket;
    @Value("${notify.queues.create-letters-pdf-tasks}")
    private String pdfQueue;
    @Value("${notify.queues.letter-tasks}")
    private String letterTasksQueue;

    private TestServices.TestService service;

    @BeforeEach
    void createService() {
        service = testServices.create(false, List.of("email", "sms", "letter", "international_letters"));
        jdbc.sql("INSERT INTO service_letter_contacts (id, service_id, contact_block, is_default) VALUES (:id, :s, :c, true)")
                .param("id", UUID.randomUUID()).param("s", service.id())
                .param("c", "Passport Office\n1 Contact Street\nReply to: ((team))").update();
    }

    @Test
    void aTemplatedLetterGetsItsPdfInThePrintFolderWithAddressSubjectAndBody() throws Exception {
        UUID template = letterTemplate("Your ((thing)) is ready",
                "Dear ((name)),\n\n# What to do next\n\n* bring this letter\n* bring a photo\n\n***\n\nSecond page text.");
        NotificationClient client = new NotificationClient(service.normalKey(), baseUrl());
        String id = client.sendLetter(template.toString(), personalisation(Map.of("thing", "passport", "name", "Jo",
                "team", "B")), "my-ref").getNotificationId().toString();

        NotificationRow letter = awaitSheets(id);
        assertThat(letter.status()).isEqualTo(NotificationStatus.CREATED);
        assertThat(letter.billableUnits()).isEqualTo(1);
        String key = LetterPdfNames.fileName(LetterPdfNames.folder(letter.createdAt()), letter.reference(), "second",
                letter.createdAt());
        byte[] stored = s3.getObjectAsBytes(r -> r.bucket(pdfBucket).key(key)).asByteArray();

        try (PDDocument pdf = Loader.loadPDF(stored)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(PrecompiledLetterValidator.addressWindowText(pdf.getPage(0)).strip().split("\\R"))
                    .containsExactly("Ms Jo Bloggs", "10 Downing Street", "London", "SW1A 2AA");
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Your passport is ready", "Dear Jo,", "What to do next", "bring this letter",
                    "bring a photo", "Second page text.", "Passport Office", "Reply to: B", "Page 2 of 2",
                    TemplatedLetterPdf.formatDate(letter.createdAt().atZone(java.time.ZoneOffset.UTC)
                            .withZoneSameInstant(java.time.ZoneId.of("Europe/London")).toLocalDate()));
        }
        assertThat(client.getPdfForLetter(id)).isEqualTo(stored);

        redeliver(pdfQueue, id);

        assertThat(notifications.find(UUID.fromString(id)).orElseThrow()).isEqualTo(letter);
        assertThat(keys(pdfBucket, LetterPdfNames.prefix(LetterPdfNames.folder(letter.createdAt()), letter.reference())))
                .containsExactly(key);
    }

    @Test
    void aLetterLongerThanTenPagesFailsValidationWithItsPdfInTheInvalidBucket() throws Exception {
        UUID template = letterTemplate("Long letter", "((body))");
        String paragraph = "Words to fill the page until the letter is far too long for the printer. ".repeat(12);
        String id = new NotificationClient(service.normalKey(), baseUrl()).sendLetter(template.toString(),
                personalisation(Map.of("body", (paragraph + "\n\n").repeat(60))), null).getNotificationId().toString();

        NotificationRow letter = awaitStatus(id, NotificationStatus.VALIDATION_FAILED);
        assertThat(letter.billableUnits()).isZero();
        String key = onlyKey(invalidBucket, LetterPdfNames.prefix("", letter.reference()));
        HeadObjectResponse head = s3.headObject(r -> r.bucket(invalidBucket).key(key));
        assertThat(head.metadata()).containsEntry("message", "letter-too-long");
        assertThat(Integer.parseInt(head.metadata().get("page_count"))).isGreaterThan(10);
        assertThat(keys(pdfBucket, LetterPdfNames.prefix(LetterPdfNames.folder(letter.createdAt()), letter.reference())))
                .isEmpty();
    }

    @Test
    void aTestKeyLetterGoesToTheTestBucketAndIsDeliveredByOneFakeDvlaResponse() throws Exception {
        String id = new NotificationClient(service.testKey(), baseUrl()).sendLetter(service.letterTemplate().toString(),
                personalisation(Map.of("name", "Test")), null).getNotificationId().toString();

        NotificationRow letter = awaitSheets(id);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(testBucket).key(LetterPdfNames.fileName("", letter.reference(),
                "second", letter.createdAt()))).asByteArray()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        // the fake response file goes through the response bucket like DVLA's own, and completes the letter
        await().atMost(WAIT).until(() -> {
            // a poll now, as the schedule would (no trigger fires in the test context)
            producer.sendBody("direct:poll-dvla-response-bucket", null);
            return notifications.find(UUID.fromString(id)).orElseThrow().status() == NotificationStatus.DELIVERED;
        });
        // applied, then moved aside so the next poll does not list it again
        List<String> responses = await().atMost(WAIT).until(() -> {
                    producer.sendBody("direct:poll-dvla-response-bucket", null);
                    return responseFilesFor(letter.reference());
                },
                keys -> !keys.isEmpty() && keys.stream().allMatch(key -> key.startsWith("processed/")));
        assertThat(responses).hasSize(1).allMatch(name -> name.matches("processed/NOTIFY-\\d{14}-RSP\\.TXT"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(responseBucket).key(responses.get(0))).asUtf8String())
                .isEqualTo(letter.reference() + "|Sent|0|Sorted\n");
        NotificationRow delivered = notifications.find(UUID.fromString(id)).orElseThrow();

        redeliver(pdfQueue, id);

        NotificationRow after = notifications.find(UUID.fromString(id)).orElseThrow();
        assertThat(after.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(after.updatedAt()).isEqualTo(delivered.updatedAt());
        assertThat(after.billableUnits()).isEqualTo(letter.billableUnits());
        assertThat(responseFilesFor(letter.reference())).isEqualTo(responses);
    }

    @Test
    void aTemplatedLetterWhoseTaskWasLostIsReplayed() throws Exception {
        String id = new NotificationClient(service.normalKey(), baseUrl()).sendLetter(service.letterTemplate().toString(),
                personalisation(Map.of("name", "Lost")), null).getNotificationId().toString();
        NotificationRow first = awaitSheets(id);
        // as if the API's enqueue had failed two hours ago
        s3.deleteObject(r -> r.bucket(pdfBucket).key(LetterPdfNames.fileName(LetterPdfNames.folder(first.createdAt()),
                first.reference(), "second", first.createdAt())));
        jdbc.sql("UPDATE notifications SET billable_units = 0, created_at = created_at - interval '2 hours' WHERE id = :id")
                .param("id", UUID.fromString(id)).update();

        producer.sendBody("direct:replay-created-notifications", null);
        NotificationRow replayed = awaitSheets(id);
        assertThat(keys(pdfBucket, LetterPdfNames.prefix(LetterPdfNames.folder(replayed.createdAt()), replayed.reference())))
                .hasSize(1);
    }

    @Test
    void aLetterTaskThatKeepsFailingEndsInTechnicalFailure() throws Exception {
        String id = new NotificationClient(service.normalKey(), baseUrl()).sendLetter(service.letterTemplate().toString(),
                personalisation(Map.of("name", "Broken")), null).getNotificationId().toString();
        awaitSheets(id);
        // personalisation that no longer decrypts: every attempt at the PDF fails
        jdbc.sql("UPDATE notifications SET billable_units = 0, _personalisation = 'not encrypted' WHERE id = :id")
                .param("id", UUID.fromString(id)).update();

        redeliver(pdfQueue, id);

        NotificationRow letter = notifications.find(UUID.fromString(id)).orElseThrow();
        assertThat(letter.status()).isEqualTo(NotificationStatus.TECHNICAL_FAILURE);
        assertThat(letter.billableUnits()).isZero();
    }

    @Test
    void aMessageThatIsNotALetterTaskIsDropped() {
        String url = sqs.getQueueUrl(r -> r.queueName(letterTasksQueue)).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("not json"));

        awaitQueueEmpty(url);
    }

    @Test
    void aCleanPrecompiledLetterIsCreatedAndItsPdfComesBackByteForByte() throws Exception {
        byte[] upload = TestPdfs.letter(3, PDF_ADDRESS);
        NotificationClient client = new NotificationClient(service.normalKey(), baseUrl());
        String id = client.sendPrecompiledLetterWithInputStream("clean-ref", new ByteArrayInputStream(upload), "first")
                .getNotificationId().toString();

        NotificationRow letter = awaitStatus(id, NotificationStatus.CREATED);
        assertThat(letter.billableUnits()).isEqualTo(2);
        assertThat(letter.to()).isEqualTo(String.join("\n", PDF_ADDRESS));
        assertThat(letter.normalisedTo()).isEqualTo("mrbsmith2lowroadbristolbs14dj");
        assertThat(letter.postage()).isEqualTo("first");
        String key = LetterPdfNames.fileName(LetterPdfNames.folder(letter.createdAt()), letter.reference(), "first",
                letter.createdAt());
        assertThat(s3.getObjectAsBytes(r -> r.bucket(pdfBucket).key(key)).asByteArray()).isEqualTo(upload);
        assertThat(keys(scanBucket, LetterPdfNames.prefix("", letter.reference()))).isEmpty();
        assertThat(client.getPdfForLetter(id)).isEqualTo(upload);

        redeliver(letterTasksQueue, id);

        NotificationRow after = notifications.find(UUID.fromString(id)).orElseThrow();
        assertThat(after).isEqualTo(letter);
        assertThat(client.getPdfForLetter(id)).isEqualTo(upload);
    }

    @Test
    void aPrecompiledLetterAbroadGetsInternationalPostage() throws Exception {
        String id = sendPrecompiled(service.normalKey(),
                TestPdfs.letter(1, List.of("M Dupont", "1 Rue de Rivoli", "Paris", "France"))).path("id").asText();

        NotificationRow letter = awaitStatus(id, NotificationStatus.CREATED);
        assertThat(letter.postage()).isEqualTo("europe");
        assertThat(onlyKey(pdfBucket, LetterPdfNames.prefix(LetterPdfNames.folder(letter.createdAt()), letter.reference())))
                .contains(".D.E.C.");
    }

    @Test
    void aTestKeyPrecompiledLetterIsDeliveredFromTheTestBucket() throws Exception {
        byte[] upload = TestPdfs.letter(1, PDF_ADDRESS);
        String id = sendPrecompiled(service.testKey(), upload).path("id").asText();

        NotificationRow letter = awaitStatus(id, NotificationStatus.DELIVERED);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(testBucket).key(onlyKey(testBucket,
                LetterPdfNames.prefix("", letter.reference())))).asByteArray()).isEqualTo(upload);
    }

    @Test
    void anInfectedUploadIsMovedToFailureAndItsPdfRefused() throws Exception {
        byte[] eicar = LocalVirusScanner.EICAR.getBytes(StandardCharsets.US_ASCII);
        String id = sendPrecompiled(service.normalKey(), eicar).path("id").asText();

        NotificationRow letter = awaitStatus(id, NotificationStatus.VIRUS_SCAN_FAILED);
        String failed = onlyKey(scanBucket, "FAILURE/" + LetterPdfNames.prefix("", letter.reference()));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(scanBucket).key(failed)).asByteArray()).isEqualTo(eicar);
        assertThat(keys(scanBucket, LetterPdfNames.prefix("", letter.reference()))).isEmpty();
        assertThatThrownBy(() -> new NotificationClient(service.normalKey(), baseUrl()).getPdfForLetter(id))
                .isInstanceOfSatisfying(NotificationClientException.class,
                        e -> assertThat(e.getMessage()).contains("File did not pass the virus scan"));
    }

    @Test
    void uploadsThatAreNotPrintableLettersFailValidationIntoTheInvalidBucket() throws Exception {
        assertInvalid("this is base64 but not a PDF".getBytes(StandardCharsets.US_ASCII), "unable-to-read-the-file", 0);
        assertInvalid(TestPdfs.letter(1, List.of()), "address-is-empty", 1);
        assertInvalid(TestPdfs.letter(11, PDF_ADDRESS), "letter-too-long", 11);
    }

    private void assertInvalid(byte[] upload, String message, int pageCount) throws Exception {
        String id = sendPrecompiled(service.normalKey(), upload).path("id").asText();

        NotificationRow letter = awaitStatus(id, NotificationStatus.VALIDATION_FAILED);
        assertThat(letter.billableUnits()).isZero();
        String key = onlyKey(invalidBucket, LetterPdfNames.prefix("", letter.reference()));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(invalidBucket).key(key)).asByteArray()).isEqualTo(upload);
        assertThat(s3.headObject(r -> r.bucket(invalidBucket).key(key)).metadata())
                .containsEntry("message", message).containsEntry("page_count", String.valueOf(pageCount));
        assertThat(keys(scanBucket, LetterPdfNames.prefix("", letter.reference()))).isEmpty();
    }

    private com.fasterxml.jackson.databind.JsonNode sendPrecompiled(String apiKey, byte[] pdf) throws Exception {
        String body = mapper.writeValueAsString(Map.of("reference", "ref-" + UUID.randomUUID(),
                "content", Base64.getEncoder().encodeToString(pdf)));
        V2Http.Reply reply = new V2Http(mapper, baseUrl()).post("/v2/notifications/letter", "Bearer " + Jwt.forKey(apiKey), body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body();
    }

    private UUID letterTemplate(String subject, String content) {
        UUID id = UUID.randomUUID();
        templates.insert(id, service.id(), "Letter " + id, "letter", subject, content, TestServices.SYSTEM_USER);
        return id;
    }

    private static Map<String, Object> personalisation(Map<String, Object> values) {
        Map<String, Object> all = new java.util.HashMap<>(ADDRESS);
        all.putAll(values);
        return all;
    }

    private NotificationRow awaitSheets(String id) {
        return await().atMost(WAIT).until(() -> notifications.find(UUID.fromString(id)).orElseThrow(),
                row -> row.billableUnits() > 0);
    }

    private NotificationRow awaitStatus(String id, NotificationStatus status) {
        return await().atMost(WAIT).until(() -> notifications.find(UUID.fromString(id)).orElseThrow(),
                row -> row.status() == status);
    }

    /** Puts the task on its queue again, as SQS may, and waits until the consumer has taken and finished it. */
    private void redeliver(String queue, String id) {
        String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"notification_id\": \"" + id + "\"}"));
        awaitQueueEmpty(url);
    }

    private void awaitQueueEmpty(String url) {
        await().atMost(WAIT).pollDelay(Duration.ofMillis(200)).until(() -> {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return attributes.values().stream().allMatch("0"::equals);
        });
    }

    private List<String> responseFilesFor(String reference) {
        return java.util.stream.Stream.concat(keys(responseBucket, "NOTIFY-").stream(),
                        keys(responseBucket, "processed/NOTIFY-").stream())
                .filter(key -> s3.getObjectAsBytes(r -> r.bucket(responseBucket).key(key)).asUtf8String()
                        .startsWith(reference + "|"))
                .toList();
    }

    private String onlyKey(String bucket, String prefix) {
        List<String> keys = keys(bucket, prefix);
        assertThat(keys).as("objects under %s/%s", bucket, prefix).hasSize(1);
        return keys.get(0);
    }

    private List<String> keys(String bucket, String prefix) {
        try {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
        } catch (NoSuchBucketException e) {
            return List.of();
        }
    }
}
