package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private S3Client s3;

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
