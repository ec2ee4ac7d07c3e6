package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.letters.TestPdfs;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;
import uk.gov.service.notify.LetterResponse;
import uk.gov.service.notify.NotificationClient;

/**
 * Precompiled letters a printer must never get (issue 12, item 8): a PDF encrypted with only an owner password, and a
 * small PDF whose content inflates to hundreds of MB. Both are accepted by the API (the check runs after the virus
 * scan, as in Notify), then fail validation as files Notify cannot read: they end in the invalid bucket and nothing
 * reaches the bucket letters are printed from.
 */
class PrecompiledLetterRefusalsIT extends HubIntegrationTest {

    private static final List<String> ADDRESS = List.of("Mr B Smith", "2 Low Road", "Bristol", "BS1 4DJ");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private S3Client s3;

    @Value("${notify.buckets.letters-pdf}")
    private String printBucket;

    @Value("${notify.buckets.letters-scan}")
    private String scanBucket;

    @Value("${notify.buckets.letters-invalid-pdf}")
    private String invalidBucket;

    @Test
    void anOwnerPasswordOnlyEncryptedPdfIsNotPrinted() throws Exception {
        assertRefused(TestPdfs.ownerPasswordOnly(TestPdfs.letter(1, ADDRESS)), "encrypted");
    }

    @Test
    void aPdfThatInflatesToHundredsOfMegabytesIsNotPrinted() throws Exception {
        byte[] bomb = TestPdfs.withInflatingPage(TestPdfs.letter(1, ADDRESS), 300L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertRefused(bomb, "bomb");
    }

    private void assertRefused(byte[] pdf, String reference) throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());
        LetterResponse response = client.sendPrecompiledLetterWithInputStream(reference, new ByteArrayInputStream(pdf));
        String id = response.getNotificationId().toString();

        Map<String, Object> row = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "SELECT notification_status, reference, billable_units FROM notifications WHERE id = :id::uuid")
                .param("id", id).query().singleRow(), r -> !"pending-virus-check".equals(r.get("notification_status")));
        assertThat(row).containsEntry("notification_status", "validation-failed").containsEntry("billable_units", 0);

        String name = "NOTIFY." + row.get("reference");
        assertThat(keys(printBucket)).noneMatch(key -> key.contains(name));
        assertThat(keys(scanBucket)).noneMatch(key -> key.contains(name));
        String invalid = keys(invalidBucket).stream().filter(key -> key.startsWith(name)).findFirst().orElseThrow();
        assertThat(s3.headObject(head -> head.bucket(invalidBucket).key(invalid)).metadata())
                .containsEntry("message", "unable-to-read-the-file");
    }

    /** Every key of a bucket; none when the bucket was never made (nothing was ever put there). */
    private List<String> keys(String bucket) {
        try {
            return s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents().stream().map(S3Object::key).toList();
        } catch (NoSuchBucketException e) {
            return List.of();
        }
    }
}
