package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;
import uk.gov.service.notify.LetterResponse;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/** Precompiled letters and the PDF endpoint, through the official client where it has a call for them. */
class LetterApiIT extends HubIntegrationTest {

    private static final String TEMPLATED_LETTER_PDFS = "get-pdf-for-templated-letter";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private S3Client s3;

    @Autowired
    private CamelContext camel;

    @Test
    void aPrecompiledLetterIsScannedAndAnUnprintableFileEndsInTheInvalidBucket() throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());

        LetterResponse response = client.sendPrecompiledLetterWithInputStream("precompiled-ref",
                new java.io.ByteArrayInputStream(PDF), "first");

        assertThat(response.getReference()).contains("precompiled-ref");
        assertThat(response.getPostage()).contains("first");
        String id = response.getNotificationId().toString();
        // the scan runs on a worker straight after the 201: this "PDF" has no pages, so it cannot be printed
        Map<String, Object> row = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT notification_status, reference, postage, \"to\" FROM notifications WHERE id = :id::uuid")
                .param("id", id).query().singleRow(), r -> "validation-failed".equals(r.get("notification_status")));
        assertThat(row).containsEntry("postage", "first").containsEntry("to", "Provided as PDF");
        String key = "NOTIFY." + row.get("reference");
        byte[] stored = s3.getObjectAsBytes(request -> request.bucket("letters-invalid-pdf").key(
                s3.listObjectsV2(list -> list.bucket("letters-invalid-pdf").prefix(key)).contents().get(0).key())).asByteArray();
        assertThat(stored).isEqualTo(PDF);
        assertThat(s3.listObjectsV2(list -> list.bucket("letters-scan").prefix(key)).contents()).isEmpty();
        assertThat(client.getPdfForLetter(id)).isEqualTo(PDF);
    }

    @Test
    void aPrecompiledLetterWithoutPostageAnswersWithThePostageItWillUse() throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());

        LetterResponse response = client.sendPrecompiledLetterWithInputStream("no-postage",
                new java.io.ByteArrayInputStream(PDF));
        V2Http.Reply raw = new V2Http(mapper, baseUrl()).post("/v2/notifications/letter",
                "Bearer " + Jwt.forKey(credentials.apiKeys().normal()), "{\"reference\": \"raw-no-postage\", \"content\": \""
                        + Base64.getEncoder().encodeToString(PDF) + "\"}");

        assertThat(response.getPostage()).contains("second");
        assertThat(raw.status()).isEqualTo(201);
        assertThat(raw.body().get("postage").asText()).isEqualTo("second");
        assertThat(jdbc.sql("SELECT postage FROM notifications WHERE id = :id::uuid")
                .param("id", response.getNotificationId().toString()).query(String.class).single()).isEqualTo("second");
    }

    @Test
    void aLetterWhosePdfIsNotReadyYetAnswersNotifysPdfNotReadyError() throws Exception {
        TestService service = testServices.create(false, List.of("letter"));
        NotificationClient client = new NotificationClient(service.normalKey(), baseUrl());
        String id = client.sendPrecompiledLetterWithInputStream("not-ready", new java.io.ByteArrayInputStream(PDF))
                .getNotificationId().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id), "validation-failed"::equals);
        V2Http http = new V2Http(mapper, baseUrl());
        String auth = "Bearer " + Jwt.forKey(service.normalKey());

        // still waiting for its virus scan
        jdbc.sql("UPDATE notifications SET notification_status = 'pending-virus-check' WHERE id = :id::uuid")
                .param("id", id).update();
        V2Http.Reply scanning = http.get("/v2/notifications/" + id + "/pdf", auth);
        assertThatThrownBy(() -> client.getPdfForLetter(id)).isInstanceOfSatisfying(NotificationClientException.class,
                e -> assertThat(e.getMessage()).contains("PDFNotReadyError"));
        // past the scan, but its file is not where a letter of that status keeps it
        jdbc.sql("UPDATE notifications SET notification_status = 'created', reference = 'NOSUCHFILE000000' "
                + "WHERE id = :id::uuid").param("id", id).update();
        V2Http.Reply missing = http.get("/v2/notifications/" + id + "/pdf", auth);

        for (V2Http.Reply reply : List.of(scanning, missing)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("PDFNotReadyError");
            assertThat(reply.message()).isEqualTo("PDF not available yet, try again later");
        }
    }

    @Test
    void theJavaClientPollsATemplatedLettersPdfThroughItsNotReadyHandlingUntilItArrives() throws Exception {
        TestService service = testServices.create(false, List.of("letter"));
        NotificationClient client = new NotificationClient(service.normalKey(), baseUrl());
        Map<String, Object> personalisation = Map.of("name", "Polly", "address_line_1", "A Person",
                "address_line_2", "1 Street", "address_line_3", "SW1A 1AA");
        List<NotificationClientException> notReady = new java.util.ArrayList<>();
        byte[] pdf;
        // the PDF cannot be made while its route is held, so the client meets the not-ready answer first
        camel.getRouteController().stopRoute(TEMPLATED_LETTER_PDFS);
        try {
            String id = client.sendLetter(service.letterTemplate().toString(), personalisation, "polled")
                    .getNotificationId().toString();
            assertThat(pollPdf(client, id, notReady)).as("the PDF while its route is held").isNull();
            camel.getRouteController().startRoute(TEMPLATED_LETTER_PDFS);
            pdf = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> pollPdf(client, id, notReady), java.util.Objects::nonNull);
        } finally {
            camel.getRouteController().startRoute(TEMPLATED_LETTER_PDFS);
        }

        assertThat(notReady).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getHttpResult()).isEqualTo(400);
            assertThat(e.getMessage()).contains("PDFNotReadyError").contains("PDF not available yet, try again later");
        });
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    /** One poll as a service would write it with the client: the PDF, or null after a not-ready answer. */
    private static byte[] pollPdf(NotificationClient client, String id, List<NotificationClientException> notReady)
            throws NotificationClientException {
        try {
            return client.getPdfForLetter(id);
        } catch (NotificationClientException e) {
            if (!e.getMessage().contains("PDFNotReadyError")) {
                throw e;
            }
            notReady.add(e);
            return null;
        }
    }

    private String status(String id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id::uuid").param("id", id)
                .query(String.class).single();
    }

    @Test
    void badBase64IsRefused() throws Exception {
        V2Http.Reply reply = new V2Http(mapper, baseUrl()).post("/v2/notifications/letter",
                "Bearer " + Jwt.forKey(credentials.apiKeys().normal()), "{\"reference\": \"r\", \"content\": \"!!!not base64\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Cannot decode letter content (invalid base64 encoding)");
    }

    @Test
    void thePdfOfAnEmailIsRefused() throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());
        String id = client.sendEmail(credentials.templates().email().toString(), "pdf@example.com",
                Map.of("name", "P", "reference", "R"), null).getNotificationId().toString();

        assertThatThrownBy(() -> client.getPdfForLetter(id)).isInstanceOfSatisfying(NotificationClientException.class,
                e -> assertThat(e.getMessage()).contains("Notification is not a letter"));
    }
}
