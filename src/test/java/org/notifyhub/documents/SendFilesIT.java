package org.notifyhub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.scheduling.DeleteExpiredDocumentsJob;
import org.notifyhub.support.HandClock;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendEmailResponse;

/**
 * Files sent by email with the official Java client's own prepareUpload, followed as a recipient follows them: the
 * link in the email, the landing page, the email address check, the download page and the file, which comes back
 * byte for byte under its name. Past its retention period (on a hand-moved clock) the pages answer 410 and the nightly
 * job deletes it.
 */
class SendFilesIT extends HubIntegrationTest {

    static final Pattern LINK = Pattern.compile("https?://\\S+");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private S3Client s3;

    @Autowired
    private DocumentRepository documents;

    @Autowired
    private DocumentBucket documentBucket;

    @Autowired
    private ConfirmAttempts confirmAttempts;

    @Value("${notify.documents.bucket}")
    private String bucket;

    private TestService service;

    @BeforeEach
    void serviceThatMaySendFiles() {
        service = testServices.create(false, List.of("email"));
        testServices.setContactLink(service.id(), "files@example.gov.uk");
    }

    @Test
    void theRecipientConfirmsTheirAddressAndDownloadsTheFileTheJavaClientSent() throws Exception {
        byte[] pdf = SendFileRefusalsIT.pdf();
        SendEmailResponse sent = client(service.normalKey()).sendEmail(service.emailTemplate().toString(),
                "Recipient@Example.com", Map.of("name", NotificationClient.prepareUpload(pdf, "letter to you.pdf")),
                "with-file");
        String link = link(sent.getBody());
        assertThat(link).startsWith(baseUrl() + "/d/");
        assertThat(count(sent.getNotificationId())).isEqualTo(1);
        String objectKey = jdbc.sql("SELECT object_key FROM documents WHERE service_id = :s").param("s", service.id())
                .query(String.class).single();
        byte[] stored = s3.getObject(r -> r.bucket(bucket).key(objectKey), ResponseTransformer.toBytes()).asByteArray();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        DownloadBrowser browser = new DownloadBrowser(baseUrl());
        HttpResponse<byte[]> landing = browser.get(link);
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(DownloadBrowser.text(landing)).contains("sent you a file to download")
                .contains("mailto:files@example.gov.uk");
        String confirm = DownloadBrowser.link(landing, "/confirm-email-address");
        assertThat(DownloadBrowser.text(browser.get(confirm))).contains("Confirm your email address");

        HttpResponse<byte[]> wrong = browser.postEmail(confirm, "someone.else@example.com");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(DownloadBrowser.text(wrong)).contains("This is not the email address the file was sent to.")
                .contains("enter the email address Test service");
        assertThat(browser.postEmail(confirm, "not an address").statusCode()).isEqualTo(400);

        HttpResponse<byte[]> right = browser.postEmail(confirm, "recipient@example.com");
        assertThat(right.statusCode()).isEqualTo(303);
        HttpResponse<byte[]> downloadPage = browser.get(right.headers().firstValue("Location").orElseThrow());
        assertThat(DownloadBrowser.text(downloadPage)).contains("Download this PDF (0.1KB) to your device");
        String fileUrl = DownloadBrowser.link(downloadPage, "/documents/");
        assertThat(browser.cookiePath()).isEqualTo(fileUrl.substring(0, fileUrl.indexOf('?')));

        HttpResponse<byte[]> file = browser.get(fileUrl);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("inline; filename=\"letter to you.pdf\""));
        assertThat(file.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<byte[]> withoutConfirming = new DownloadBrowser(baseUrl()).get(fileUrl);
        assertThat(withoutConfirming.statusCode()).isEqualTo(302);
        assertThat(withoutConfirming.body()).isEmpty();
    }

    @Test
    void aWrongKeyGetsNeitherThePageNorTheBytes() throws Exception {
        byte[] pdf = SendFileRefusalsIT.pdf();
        SendEmailResponse sent = client(service.normalKey()).sendEmail(service.emailTemplate().toString(),
                "recipient@example.com", Map.of("name", NotificationClient.prepareUpload(pdf, "a.pdf", false, "2 weeks")),
                null);
        String link = link(sent.getBody());
        String wrongKey = DocumentLinks.encode(DocumentCrypto.newKey());
        DownloadBrowser browser = new DownloadBrowser(baseUrl());

        HttpResponse<byte[]> landing = browser.get(link.replaceAll("key=.*", "key=" + wrongKey));
        assertThat(landing.statusCode()).isEqualTo(404);
        assertThat(DownloadBrowser.text(landing)).contains("the file may have expired or been deleted");
        assertThat(browser.get(link.replaceAll("\\?key=.*", "")).statusCode()).isEqualTo(404);

        String fileUrl = DownloadBrowser.link(browser.get(DownloadBrowser.link(browser.get(link), "/download")),
                "/documents/");
        HttpResponse<byte[]> file = browser.get(fileUrl.replaceAll("key=.*", "key=" + wrongKey));
        assertThat(file.statusCode()).isEqualTo(400);
        assertThat(DownloadBrowser.text(file)).isEqualTo("{\"error\":\"Forbidden\"}");
        assertThat(browser.get(fileUrl).body()).isEqualTo(pdf);
    }

    @Test
    void aFilePastItsRetentionPeriodIsDeletedAndItsLinkAnswersGone() throws Exception {
        byte[] text = "name,amount\nA,1\n".getBytes(StandardCharsets.UTF_8);
        SendEmailResponse sent = client(service.normalKey()).sendEmail(service.emailTemplate().toString(),
                "recipient@example.com",
                Map.of("name", NotificationClient.prepareUpload(text, "amounts.csv", false, "1 week")), null);
        String link = link(sent.getBody());
        DownloadBrowser browser = new DownloadBrowser(baseUrl());
        String fileUrl = DownloadBrowser.link(browser.get(DownloadBrowser.link(browser.get(link), "/download")),
                "/documents/");
        HttpResponse<byte[]> file = browser.get(fileUrl);
        assertThat(file.body()).isEqualTo(text);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment; filename=\"amounts.csv\""));
        Map<String, Object> row = jdbc.sql("SELECT id, object_key, available_until FROM documents WHERE service_id = :s")
                .param("s", service.id()).query().singleRow();
        assertThat(row.get("available_until").toString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusWeeks(1).toString());

        // The job and the pages on a clock of the test's: on the last day nothing goes; a day after, the file does.
        String objectKey = (String) row.get("object_key");
        HandClock clock = new HandClock(Instant.now().plus(Duration.ofDays(7)));
        DeleteExpiredDocumentsJob job = new DeleteExpiredDocumentsJob(documents, documentBucket, clock, 10);
        job.run();
        assertThat(s3.headObject(r -> r.bucket(bucket).key(objectKey)).contentLength()).isPositive();
        URI uri = URI.create(link);
        String[] path = uri.getPath().split("/");
        String key = uri.getQuery().substring("key=".length());
        DocumentDownloads pages = new DocumentDownloads(documents,
                new DocumentAccess(clock, "a-secret-of-16-chars", Duration.ofHours(1), ""), confirmAttempts, clock);
        assertThat(pages.landing(path[2], path[3], key).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(1));
        assertThat(pages.landing(path[2], path[3], key).status()).isEqualTo(410);
        assertThat(job.run()).isPositive();

        assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key(objectKey)))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(jdbc.sql("SELECT deleted_at FROM documents WHERE id = :id").param("id", row.get("id"))
                .query(Object.class).single()).isNotNull();
        HttpResponse<byte[]> landing = browser.get(link);
        assertThat(landing.statusCode()).isEqualTo(410);
        assertThat(DownloadBrowser.text(landing)).contains("No longer available")
                .contains("sent you has expired or been deleted");
        HttpResponse<byte[]> gone = browser.get(fileUrl);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(DownloadBrowser.text(gone)).isEqualTo("{\"error\":\"The document is no longer available\"}");
    }

    @Test
    void testKeysAndSimulatedRecipientsGetNotifysTestLinkAndNothingIsStored() throws Exception {
        Map<String, Object> personalisation = Map.of("name",
                NotificationClient.prepareUpload(SendFileRefusalsIT.pdf(), "a.pdf"));
        String testLink = baseUrl() + "/services/" + service.id() + "/documents/test-document";

        SendEmailResponse testKey = client(service.testKey()).sendEmail(service.emailTemplate().toString(),
                "recipient@example.com", personalisation, null);
        assertThat(link(testKey.getBody())).isEqualTo(testLink);
        assertThat(count(testKey.getNotificationId())).isEqualTo(1);

        SendEmailResponse simulated = client(service.normalKey()).sendEmail(service.emailTemplate().toString(),
                "simulate-delivered@notifications.service.gov.uk", personalisation, null);
        assertThat(link(simulated.getBody())).isEqualTo(testLink);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE id = :id")
                .param("id", simulated.getNotificationId()).query(Integer.class).single()).isZero();

        assertThat(jdbc.sql("SELECT count(*) FROM documents WHERE service_id = :s").param("s", service.id())
                .query(Integer.class).single()).isZero();
        assertThat(SendFileRefusalsIT.objects(s3, bucket, service.id())).isEmpty();
    }

    private Integer count(UUID notificationId) {
        return jdbc.sql("SELECT document_download_count FROM notifications WHERE id = :id").param("id", notificationId)
                .query(Integer.class).single();
    }

    private NotificationClient client(String key) {
        return new NotificationClient(key, baseUrl());
    }

    static String link(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a link in %s", body).isTrue();
        return m.group();
    }
}
