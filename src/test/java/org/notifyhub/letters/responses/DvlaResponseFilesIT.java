package org.notifyhub.letters.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.letters.LetterRows;
import org.notifyhub.support.AlertWebhook;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * DVLA response files applied once, all or nothing: statuses in notifications and history, daily sorted counts for
 * the London billing day, an alert naming failed letters; the same file again or a malformed file changes nothing.
 * Files arrive through the bean, DVLA's FTP response folder (embedded FTP server) and the response bucket (S3Proxy).
 */
class DvlaResponseFilesIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DvlaResponseFiles files;

    @Autowired
    private ObjectStorage storage;

    @Autowired
    private S3Client s3;

    @Autowired
    private org.apache.camel.ProducerTemplate producer;

    @Value("${notify.buckets.dvla-response}")
    private String responseBucket;

    @Value("${notify.dvla.ftp.response-folder}")
    private String responseFolder;

    private LetterRows letters;
    private TestService service;

    @BeforeEach
    void service() {
        letters = new LetterRows(jdbc);
        service = testServices.create(false, List.of("letter"));
    }

    @Test
    void sentFailedSortedAndUnsortedRowsApplyOnceWithCountsForTheLondonDayAndAnAlert() {
        LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC).minusDays(1);
        String sent = sending(created);
        String failed = sending(created);
        String purged = LetterRows.reference();
        letters.insertHistory(service, purged, "sending", created.minusDays(8));
        String alreadyDelivered = LetterRows.reference();
        letters.insert(service, alreadyDelivered, "delivered", created);
        String notYetSent = LetterRows.reference();
        letters.insert(service, notYetSent, "created", created);
        // 23:xx UTC in June is after midnight in London: the billing day is the next day.
        LocalDateTime fileTime = LocalDateTime.of(2026, 6, ThreadLocalRandom.current().nextInt(1, 29), 23,
                ThreadLocalRandom.current().nextInt(60), ThreadLocalRandom.current().nextInt(60));
        String name = fileName(fileTime);
        String content = sent + "|Sent|1|Sorted\r\n" + failed + "|Failed|2|Unsorted\n" + purged + "|Sent|1|Unsorted\n"
                + alreadyDelivered + "|Undelivered|1|sorted\n\n" + notYetSent + "|Sent|1|Sorted\n";

        DvlaResponseFiles.Outcome outcome = files.apply(name, content, "test");

        assertThat(outcome.applied()).isTrue();
        assertThat(letters.status(sent)).isEqualTo("delivered");
        assertThat(letters.status(failed)).isEqualTo("temporary-failure");
        assertThat(letters.historyStatus(purged)).isEqualTo("delivered");
        assertThat(letters.status(alreadyDelivered)).isEqualTo("delivered");
        assertThat(letters.status(notYetSent)).isEqualTo("created");
        LocalDate billingDay = fileTime.toLocalDate().plusDays(1);
        assertThat(sortedCounts(name)).containsExactly(Map.of("billing_day", billingDay, "sorted", 3, "unsorted", 2));
        assertThat(AlertWebhook.mentioning(name)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("kind", "dvla-response-file-failed-letters");
            assertThat(alert.get("body")).isEqualTo("DVLA response file: " + name
                    + " has failed letters with notification.reference ['" + failed + "', '" + alreadyDelivered + "']");
        });

        // The same file again: even a letter put back to sending stays as it is, and nothing else moves.
        letters.setStatus(failed, "sending");
        LocalDateTime sentUpdatedAt = letters.updatedAt(sent);
        Object countsUpdatedAt = jdbc.sql("SELECT updated_at FROM daily_sorted_letter WHERE file_name = :f")
                .param("f", name).query(LocalDateTime.class).single();

        DvlaResponseFiles.Outcome again = files.apply(name, content, "test");

        assertThat(again.applied()).isFalse();
        assertThat(letters.status(failed)).isEqualTo("sending");
        assertThat(letters.updatedAt(sent)).isEqualTo(sentUpdatedAt);
        assertThat(jdbc.sql("SELECT updated_at FROM daily_sorted_letter WHERE file_name = :f").param("f", name)
                .query(LocalDateTime.class).single()).isEqualTo(countsUpdatedAt);
        assertThat(sortedCounts(name)).hasSize(1);
        assertThat(AlertWebhook.mentioning(name)).hasSize(1);
    }

    @Test
    void aMalformedFileChangesNothingAndRaisesAnAlert() {
        String good = sending(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String wrongFieldCount = randomFileName();
        String unknownSorted = randomFileName();

        assertThatThrownBy(() -> files.apply(wrongFieldCount, good + "|Sent|1|Sorted\nABCDEFGHIJKLMNOP|Sent|1\n", "test"))
                .isInstanceOf(InvalidDvlaResponseFileException.class)
                .hasMessage("DVLA response file: " + wrongFieldCount + " has an invalid format");
        assertThatThrownBy(() -> files.apply(unknownSorted, good + "|Sent|1|Sorted\nABCDEFGHIJKLMNOP|Sent|1|Franked\n",
                "test"))
                .isInstanceOf(InvalidDvlaResponseFileException.class)
                .hasMessage("DVLA response file: " + unknownSorted + " contains unknown Sorted status {'Franked'}");

        assertThat(letters.status(good)).isEqualTo("sending");
        assertThat(sortedCounts(wrongFieldCount)).isEmpty();
        assertThat(sortedCounts(unknownSorted)).isEmpty();
        assertThat(processed(wrongFieldCount)).isZero();
        assertThat(AlertWebhook.mentioning(wrongFieldCount)).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("kind", "dvla-response-file-rejected"));
        assertThat(AlertWebhook.mentioning(unknownSorted)).hasSize(1);
    }

    @Test
    void aFileOnDvlasFtpServerIsAppliedOnceAndMovedToProcessed() throws IOException {
        String reference = sending(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String name = randomFileName();
        Path folder = DATA_DIR.resolve("dvla-sftp").resolve(responseFolder);

        drop(folder, name, reference + "|Sent|1|Sorted\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> letters.status(reference).equals("delivered"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".processed").resolve(name)));
        assertThat(source(name)).isEqualTo("ftp");
        assertThat(sortedCounts(name)).hasSize(1);

        // DVLA puts the same file up again: it is never downloaded or applied a second time.
        letters.setStatus(reference, "sending");
        drop(folder, name, reference + "|Failed|1|Sorted\n");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> letters.status(reference).equals("sending") && Files.exists(folder.resolve(name)));
        assertThat(AlertWebhook.mentioning(name)).isEmpty();
    }

    @Test
    void aMalformedFileOnTheFtpServerIsMovedToFailedAndChangesNothing() throws IOException {
        String reference = sending(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String name = randomFileName().toLowerCase();
        Path folder = DATA_DIR.resolve("dvla-sftp").resolve(responseFolder);

        drop(folder, name, reference + "|Sent|1|Sorted|extra\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(folder.resolve(".failed").resolve(name)));
        assertThat(letters.status(reference)).isEqualTo("sending");
        assertThat(processed(name)).isZero();
        assertThat(AlertWebhook.mentioning(name + " has an invalid format")).hasSize(1);
    }

    @Test
    void aFileWithBytesThatAreNotUtf8IsRejectedWholeWithAnAlert() throws IOException {
        String reference = sending(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String later = sending(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String name = randomFileName();
        byte[] content = (reference + "|Sent|1|Sorted\nBAD\u00e9|Sent|1|Sorted\n" + later + "|Sent|1|Sorted\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> files.apply(name, content, "test")).isInstanceOf(InvalidDvlaResponseFileException.class)
                .hasMessageStartingWith("DVLA response file: " + name + " is not UTF-8 text");

        assertThat(letters.status(reference)).isEqualTo("sending");
        assertThat(letters.status(later)).isEqualTo("sending");
        assertThat(processed(name)).isZero();
        assertThat(AlertWebhook.mentioning(name + " is not UTF-8 text")).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("kind", "dvla-response-file-rejected"));

        // The same bytes on DVLA's FTP server: moved to .failed, nothing applied.
        String onFtp = randomFileName();
        Path folder = DATA_DIR.resolve("dvla-sftp").resolve(responseFolder);
        drop(folder, onFtp, content);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(folder.resolve(".failed").resolve(onFtp)));
        assertThat(letters.status(reference)).isEqualTo("sending");
        assertThat(AlertWebhook.mentioning(onFtp + " is not UTF-8 text")).hasSize(1);
    }

    @Test
    void anEmptyFileOnTheFtpServerIsRejectedWithAnAlertNotLeftUnread() throws IOException {
        String name = randomFileName();
        Path folder = DATA_DIR.resolve("dvla-sftp").resolve(responseFolder);

        drop(folder, name, new byte[0]);

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(folder.resolve(".failed").resolve(name)));
        assertThat(processed(name)).isZero();
        assertThat(AlertWebhook.mentioning(name + " is empty")).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("kind", "dvla-response-file-rejected"));
    }

    @Test
    void aDatabaseErrorWhileApplyingAlertsAndTheFileIsTriedAgainNotMovedToFailed() throws IOException {
        String reference = sending(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String name = randomFileName();
        Path folder = DATA_DIR.resolve("dvla-sftp").resolve(responseFolder);
        jdbc.sql("ALTER TABLE daily_sorted_letter RENAME TO daily_sorted_letter_away").update();
        try {
            drop(folder, name, (reference + "|Sent|1|Sorted\n").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(20)).until(() -> !AlertWebhook.mentioning(name).isEmpty());
            assertThat(AlertWebhook.mentioning(name)).first()
                    .satisfies(alert -> assertThat(alert).containsEntry("kind", "dvla-response-file-not-applied"));
            assertThat(letters.status(reference)).isEqualTo("sending");
            assertThat(folder.resolve(".failed").resolve(name)).doesNotExist();
        } finally {
            jdbc.sql("ALTER TABLE daily_sorted_letter_away RENAME TO daily_sorted_letter").update();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> letters.status(reference).equals("delivered"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".processed").resolve(name)));
        assertThat(processed(name)).isEqualTo(1);
    }

    @Test
    void aFileInTheResponseBucketIsAppliedOnceAndMovedToProcessedLeavingAckFilesAlone() {
        String reference = sending(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String failed = sending(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String name = randomFileName();
        String ack = "root/dispatch/NOTIFY." + name + ".ACK.txt";
        put(ack, "");
        put("not-a-response.txt", "hello");

        put(name, reference + "|Sent|1|Sorted\n" + failed + "|Returned|1|Unsorted\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> polled() && letters.status(reference).equals("delivered"));
        assertThat(letters.status(failed)).isEqualTo("temporary-failure");
        await().atMost(Duration.ofSeconds(10)).until(() -> polled() && keys().contains("processed/" + name)
                && !keys().contains(name));
        assertThat(keys()).doesNotContain(name).contains(ack, "not-a-response.txt");
        assertThat(source(name)).isEqualTo("bucket");
        assertThat(sortedCounts(name)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("sorted", 1).containsEntry("unsorted", 1));
        assertThat(AlertWebhook.mentioning(name)).singleElement().satisfies(alert ->
                assertThat((String) alert.get("body")).endsWith("['" + failed + "']"));

        // The same name dropped again is moved away unread.
        letters.setStatus(reference, "sending");
        put(name, reference + "|Sent|1|Sorted\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> polled() && !keys().contains(name));
        assertThat(letters.status(reference)).isEqualTo("sending");
    }

    @Test
    void aMalformedFileInTheResponseBucketIsMovedToFailed() {
        String reference = sending(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String name = randomFileName();

        put(name, reference + "|Sent|one|Sorted\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> polled() && keys().contains("failed/" + name));
        assertThat(letters.status(reference)).isEqualTo("sending");
        assertThat(processed(name)).isZero();
        assertThat(AlertWebhook.mentioning(name + " has an invalid format")).hasSize(1);
    }

    private String sending(LocalDateTime created) {
        String reference = LetterRows.reference();
        letters.insert(service, reference, "sending", created);
        return reference;
    }

    private static String fileName(LocalDateTime utc) {
        return "NOTIFY-" + utc.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "-RSP.TXT";
    }

    private static String randomFileName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return fileName(LocalDateTime.of(random.nextInt(2019, 2026), random.nextInt(1, 13), random.nextInt(1, 29),
                random.nextInt(24), random.nextInt(60), random.nextInt(60)));
    }

    private static void drop(Path folder, String name, String content) throws IOException {
        drop(folder, name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void drop(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path partial = folder.resolve(name + ".part");
        Files.write(partial, content);
        Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void put(String key, String content) {
        storage.put(responseBucket, key, content.getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
    }

    /** Runs a bucket poll now, as the schedule would: no trigger fires in the test context. */
    private boolean polled() {
        producer.sendBody("direct:poll-dvla-response-bucket", null);
        return true;
    }

    private List<String> keys() {
        return s3.listObjectsV2Paginator(request -> request.bucket(responseBucket)).contents().stream()
                .map(S3Object::key).toList();
    }

    private List<Map<String, Object>> sortedCounts(String name) {
        return jdbc.sql("SELECT billing_day, sorted_count, unsorted_count FROM daily_sorted_letter WHERE file_name = :f")
                .param("f", name)
                .query((rs, n) -> Map.<String, Object>of("billing_day", rs.getObject("billing_day", LocalDate.class),
                        "sorted", rs.getInt("sorted_count"), "unsorted", rs.getInt("unsorted_count")))
                .list();
    }

    private int processed(String name) {
        return jdbc.sql("SELECT count(*) FROM dvla_response_files WHERE file_name = :f").param("f", name)
                .query(Integer.class).single();
    }

    private String source(String name) {
        return jdbc.sql("SELECT source FROM dvla_response_files WHERE file_name = :f").param("f", name)
                .query(String.class).single();
    }
}
