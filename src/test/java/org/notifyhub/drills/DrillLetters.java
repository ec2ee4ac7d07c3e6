package org.notifyhub.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.letters.LetterPdfNames;
import org.notifyhub.letters.collation.PrintRun;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import uk.gov.service.notify.NotificationClient;

/**
 * Letters for the letter drills, made the way a service makes them (v2 API, live key) and followed in the drill's
 * database and S3: until their PDFs exist, into tonight's print run, collated through the admin API as an operator
 * does, and their statuses read back.
 */
final class DrillLetters implements AutoCloseable {

    static final String PDF_BUCKET = "letters-pdf";
    static final String RESPONSE_BUCKET = "dvla-response";

    private final String hubBaseUrl;
    private final JdbcClient db;
    private final S3Client s3;
    private final DrillAdmin admin;

    /** A letter as its row says: its id, reference, creation time and sheets. */
    record Letter(UUID id, String reference, LocalDateTime createdAt, int billableUnits, String status) {
    }

    DrillLetters(DrillBed bed) {
        this(bed.db(), bed.nodeProperties(), bed.hubBaseUrl());
    }

    /** Letters in this database and the object store these node settings name, sent and collated through this node. */
    DrillLetters(JdbcClient db, Map<String, Object> properties, String hubBaseUrl) {
        this.hubBaseUrl = hubBaseUrl;
        this.db = db;
        this.admin = new DrillAdmin(hubBaseUrl);
        s3 = S3Client.builder().endpointOverride(URI.create((String) properties.get("notify.s3.endpoint")))
                .region(Region.of((String) properties.get("notify.s3.region")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        (String) properties.get("notify.s3.access-key"), (String) properties.get("notify.s3.secret-key"))))
                .forcePathStyle(true).build();
    }

    /** Templated letters through POST /v2/notifications/letter with the service's live key; their ids in order. */
    List<UUID> send(TestService service, int count) throws Exception {
        NotificationClient client = new NotificationClient(service.normalKey(), hubBaseUrl);
        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> personalisation = new LinkedHashMap<>();
            personalisation.put("name", "Drill " + i);
            personalisation.put("address_line_1", "Ms Drill " + i);
            personalisation.put("address_line_2", i + " Letter Street");
            personalisation.put("address_line_3", "London");
            personalisation.put("postcode", "SW1A 1AA");
            ids.add(client.sendLetter(service.letterTemplate().toString(), personalisation, "drill-letter-" + i)
                    .getNotificationId());
        }
        return ids;
    }

    /** Waits until every letter is created with its sheets counted and its PDF in the letters-pdf bucket. */
    List<Letter> awaitPdfs(List<UUID> ids, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (true) {
            List<Letter> letters = letters(ids);
            boolean ready = letters.size() == ids.size() && letters.stream()
                    .allMatch(letter -> letter.status().equals("created") && letter.billableUnits() > 0 && pdfKey(letter) != null);
            if (ready || Instant.now().isAfter(deadline)) {
                return letters;
            }
            Thread.sleep(1_000);
        }
    }

    /**
     * Puts the letters into this print run, whatever the time of day: the drill runs at any hour, and a letter made
     * after 17:30 London belongs to tomorrow's run. Each row's creation time moves to just before the run's deadline and
     * its PDF is copied, same name, into the folder that creation time gives.
     */
    void intoPrintRun(List<Letter> letters, PrintRun run) {
        LocalDateTime createdAt = run.deadlineUtc().minusMinutes(30);
        String folder = LetterPdfNames.folder(createdAt);
        for (Letter letter : letters) {
            String key = pdfKey(letter);
            String target = folder + key.substring(key.indexOf('/') + 1);
            if (!target.equals(key)) {
                s3.copyObject(request -> request.sourceBucket(PDF_BUCKET).sourceKey(key)
                        .destinationBucket(PDF_BUCKET).destinationKey(target));
            }
            db.sql("UPDATE notifications SET created_at = :at WHERE id = :id")
                    .param("at", createdAt).param("id", letter.id()).update();
        }
    }

    /** Letters as DVLA has them after a run: sending, sent by dvla (set with SQL, for response-file drills). */
    void markSending(List<UUID> ids) {
        db.sql("UPDATE notifications SET notification_status = 'sending', sent_by = 'dvla', sent_at = now() AT TIME ZONE 'UTC'"
                        + " WHERE id IN (:ids)").param("ids", ids).update();
    }

    /** POST /platform-admin/collate-letter-pdfs, as the admin app does; the summary under {@code data}. */
    JsonNode collate() throws Exception {
        return admin.collate();
    }

    List<Letter> letters(List<UUID> ids) {
        return db.sql("SELECT id, reference, created_at, billable_units, notification_status FROM notifications"
                        + " WHERE id IN (:ids) ORDER BY created_at, id")
                .param("ids", ids)
                .query((rs, n) -> new Letter(rs.getObject("id", UUID.class), rs.getString("reference"),
                        rs.getTimestamp("created_at").toLocalDateTime(), rs.getInt("billable_units"),
                        rs.getString("notification_status")))
                .list();
    }

    /** Every letter's status and when its row last changed, to compare before and after something. */
    Map<UUID, String> statusesAndUpdates(List<UUID> ids) {
        Map<UUID, String> statuses = new HashMap<>();
        db.sql("SELECT id, notification_status, updated_at FROM notifications WHERE id IN (:ids)").param("ids", ids)
                .query((rs, n) -> statuses.put(rs.getObject("id", UUID.class),
                        rs.getString("notification_status") + "@" + rs.getTimestamp("updated_at")))
                .list();
        return statuses;
    }

    /** Puts an object in the response bucket (created when missing), as DVLA drops a response file. */
    void putResponseFile(String name, byte[] content) {
        try {
            s3.createBucket(request -> request.bucket(RESPONSE_BUCKET));
        } catch (BucketAlreadyOwnedByYouException e) {
            // Made by an earlier file or the hub.
        } catch (S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
        s3.putObject(request -> request.bucket(RESPONSE_BUCKET).key(name), RequestBody.fromBytes(content));
    }

    boolean responseFileIn(String folder, String name) {
        return !s3.listObjectsV2(request -> request.bucket(RESPONSE_BUCKET).prefix(folder + name)).contents().isEmpty();
    }

    private String pdfKey(Letter letter) {
        String prefix = LetterPdfNames.prefix(LetterPdfNames.folder(letter.createdAt()), letter.reference());
        try {
            return s3.listObjectsV2(request -> request.bucket(PDF_BUCKET).prefix(prefix)).contents().stream()
                    .map(object -> object.key()).findFirst().orElse(null);
        } catch (S3Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
