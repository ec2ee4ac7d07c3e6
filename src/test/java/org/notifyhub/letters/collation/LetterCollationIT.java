package org.notifyhub.letters.collation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.alerts.Alerts;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.letters.collation.LetterCollationFixtures.Letter;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.support.AlertWebhook;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The nightly collation against the local default's embedded SFTP server (DVLA's stand-in) and S3Proxy. Each test uses its own print date in the past,
 * so letters made by the rest of the suite (created today) are never part of its run.
 */
class LetterCollationIT extends HubIntegrationTest {

    private static final Path FTP_FOLDER = DATA_DIR.resolve("dvla-sftp").resolve("notify");
    private static final int PDF_BYTES = 3000;

    @Autowired
    LetterCollation collation;
    @Autowired
    LetterCollationProperties configured;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    ObjectStorage storage;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    S3Client s3;
    @Autowired
    MeterRegistry meters;
    @Autowired
    LetterCollationRepository repository;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    DvlaFtpProperties ftpProperties;
    @Autowired
    DvlaSftpProperties sftpProperties;
    @Autowired
    LetterPdfBucket pdfBucket;
    @Autowired
    LetterZipWriter zipWriter;
    @Autowired
    Clock clock;
    @Autowired
    Alerts alerts;
    @Value("${notify.buckets.letters-pdf}")
    String bucket;

    private LetterCollationFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new LetterCollationFixtures(testServices, notifications, storage, jdbc, bucket);
    }

    @Test
    void lettersOfTwoServicesAndTwoPostageClassesGoInTheirOwnZipsAndOnlyTheyBecomeSending() throws IOException {
        PrintRun run = PrintRun.at(Instant.parse("2020-06-15T16:50:00Z"));
        UUID organisation = UUID.randomUUID();
        TestService a = fixtures.service('1', organisation);
        TestService b = fixtures.service('2', null);
        Letter a1 = fixtures.letter(a, "second", LocalDateTime.parse("2020-06-14T17:00:00"), PDF_BYTES);
        Letter a2 = fixtures.letter(a, "second", LocalDateTime.parse("2020-06-15T09:00:00"), PDF_BYTES);
        Letter a3 = fixtures.letter(a, "second", LocalDateTime.parse("2020-06-15T09:01:00"), PDF_BYTES);
        Letter aFirst = fixtures.letter(a, "first", LocalDateTime.parse("2020-06-15T09:02:00"), PDF_BYTES);
        Letter b1 = fixtures.letter(b, "second", LocalDateTime.parse("2020-06-15T10:00:00"), PDF_BYTES);
        Letter b2 = fixtures.letter(b, "second", LocalDateTime.parse("2020-06-15T10:01:00"), PDF_BYTES);
        // Stuck since an earlier night: its PDF is in that night's folder.
        Letter bFirst = fixtures.letter(b, "first", LocalDateTime.parse("2020-06-13T10:00:00"), PDF_BYTES);
        List<Letter> notDue = List.of(
                fixtures.letter(a, "second", LocalDateTime.parse("2020-06-15T16:31:00"), PDF_BYTES),
                fixtures.letter(a, "second", LocalDateTime.parse("2020-06-15T11:00:00"), PDF_BYTES, KeyType.TEST, 1, true),
                fixtures.letter(b, "second", LocalDateTime.parse("2020-06-15T11:00:00"), PDF_BYTES, KeyType.NORMAL, 0, true));
        Letter withoutPdf = fixtures.letter(b, "second", LocalDateTime.parse("2020-06-15T10:00:30"), PDF_BYTES,
                KeyType.NORMAL, 1, false);
        // Room for two of these PDFs in a zip, not three.
        long limit = ZipGrouper.zipBytes(List.of(a1.asPdf(organisation), a2.asPdf(organisation)));
        LetterCollation limited = collation.withLimits(new LetterCollationProperties(limit, configured.maxFilesPerZip()));

        CollationSummary summary = limited.collate(run);

        Map<String, List<Letter>> expected = Map.of(
                name(run, "first", 1, organisation, aFirst), List.of(aFirst),
                name(run, "first", 2, null, bFirst), List.of(bFirst),
                name(run, "second", 1, organisation, a1, a2), List.of(a1, a2),
                name(run, "second", 2, organisation, a3), List.of(a3),
                name(run, "second", 3, null, b1, b2), List.of(b1, b2));
        assertThat(zipsOf(a, b)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(expected.keySet()).allMatch(name -> name.matches(
                "NOTIFY\\.2020-06-15\\.[12]\\.00[123]\\.[A-Za-z0-9_-]{20}\\.[0-9a-f-]{36}\\.([0-9a-f-]{36}|None)\\.ZIP"));
        for (Map.Entry<String, List<Letter>> zip : expected.entrySet()) {
            Path file = FTP_FOLDER.resolve(zip.getKey());
            assertThat(Files.size(file)).isLessThanOrEqualTo(limit);
            assertThat(entries(file)).containsExactlyElementsOf(zip.getValue().stream().map(Letter::entryName).toList());
            try (ZipFile zipFile = new ZipFile(file.toFile())) {
                for (Letter letter : zip.getValue()) {
                    assertThat(zipFile.getInputStream(zipFile.getEntry(letter.entryName())).readAllBytes())
                            .isEqualTo(letter.pdf());
                }
            }
            assertThat(zipsSentRecord(run, zip.getKey()))
                    .containsExactlyElementsOf(zip.getValue().stream().map(Letter::key).toList());
        }
        assertThat(summary.zipsSent()).filteredOn(zip -> expected.containsKey(zip.name()))
                .hasSize(5)
                .allSatisfy(zip -> assertThat(zip.bytes()).isEqualTo(Files.size(FTP_FOLDER.resolve(zip.name()))));
        assertThat(summary.zipsFailed()).isEmpty();
        assertThat(summary.lettersWithoutPdf()).isGreaterThanOrEqualTo(1);
        for (Letter letter : List.of(a1, a2, a3, aFirst, b1, b2, bFirst)) {
            assertThat(fixtures.row(letter))
                    .containsEntry("notification_status", "sending")
                    .containsEntry("sent_by", "dvla")
                    .extractingByKey("sent_at").isNotNull();
        }
        for (Letter letter : notDue) {
            assertThat(fixtures.status(letter)).isEqualTo("created");
        }
        assertThat(fixtures.status(withoutPdf)).isEqualTo("created");

        // A second run finds nothing of theirs to send.
        CollationSummary again = limited.collate(run);

        assertThat(again.zipsSent()).noneMatch(zip -> zip.name().contains(a.id().toString())
                || zip.name().contains(b.id().toString()));
        assertThat(zipsOf(a, b)).hasSize(5);
    }

    @Test
    void aZipRecordedAsSentIsNeverSentAgainButItsLettersStillBecomeSending() throws IOException {
        PrintRun run = PrintRun.at(Instant.parse("2020-07-20T16:50:00Z"));
        TestService service = fixtures.service('5', null);
        Letter letter = fixtures.letter(service, "europe", LocalDateTime.parse("2020-07-20T08:00:00"), PDF_BYTES);
        collation.collate(run);
        String zip = name(run, "europe", 1, null, letter);
        assertThat(FTP_FOLDER.resolve(zip)).exists();
        // As if the run had stopped after the upload and its record, before the status change.
        jdbc.sql("UPDATE notifications SET notification_status = 'created' WHERE id = :id").param("id", letter.id()).update();
        Files.delete(FTP_FOLDER.resolve(zip));

        CollationSummary again = collation.collate(run);

        assertThat(again.zipsAlreadySent()).contains(zip);
        assertThat(again.zipsSent()).extracting(CollationSummary.ZipSent::name).doesNotContain(zip);
        assertThat(FTP_FOLDER.resolve(zip)).doesNotExist();
        assertThat(fixtures.status(letter)).isEqualTo("sending");
    }

    @Test
    void aZipThatFailsToUploadLeavesItsLettersCreatedAndTheOthersGoOn() throws IOException {
        PrintRun run = PrintRun.at(Instant.parse("2020-05-11T16:50:00Z"));
        TestService c = fixtures.service('3', null);
        TestService d = fixtures.service('4', null);
        Letter c1 = fixtures.letter(c, "rest-of-world", LocalDateTime.parse("2020-05-11T08:00:00"), PDF_BYTES);
        Letter c2 = fixtures.letter(c, "rest-of-world", LocalDateTime.parse("2020-05-11T08:01:00"), PDF_BYTES);
        Letter d1 = fixtures.letter(d, "rest-of-world", LocalDateTime.parse("2020-05-11T08:02:00"), PDF_BYTES);
        String failing = name(run, "rest-of-world", 1, null, c1, c2);
        String working = name(run, "rest-of-world", 2, null, d1);
        // A folder where the zip should go: the server refuses the upload.
        Files.createDirectories(FTP_FOLDER.resolve(failing));
        double failedBefore = meters.counter("notify.letters.collation.zips", "outcome", "failed").count();

        CollationSummary summary = collation.collate(run);

        assertThat(summary.zipsFailed()).singleElement().satisfies(zip -> {
            assertThat(zip.name()).isEqualTo(failing);
            assertThat(zip.letters()).isEqualTo(2);
            assertThat(zip.error()).startsWith("Upload to DVLA's SFTP server failed");
        });
        assertThat(meters.counter("notify.letters.collation.zips", "outcome", "failed").count()).isGreaterThan(failedBefore);
        assertThat(summary.zipsSent()).extracting(CollationSummary.ZipSent::name).containsExactly(working);
        assertThat(fixtures.status(c1)).isEqualTo("created");
        assertThat(fixtures.status(c2)).isEqualTo("created");
        assertThat(fixtures.row(c1)).containsEntry("sent_by", null);
        assertThat(fixtures.status(d1)).isEqualTo("sending");
        assertThat(Files.isDirectory(FTP_FOLDER.resolve(failing))).isTrue();
        assertThat(zipsSentRecordExists(run, failing)).isFalse();
        assertThat(entries(FTP_FOLDER.resolve(working))).containsExactly(d1.entryName());
        assertThat(org.notifyhub.support.AlertWebhook.mentioning(failing)).singleElement()
                .satisfies(alert -> assertThat(alert.get("title")).isEqualTo("Letters not sent to DVLA"));

        // Once the server takes it, the next run sends the failed zip and nothing else again.
        Files.delete(FTP_FOLDER.resolve(failing));
        CollationSummary rerun = collation.collate(run);

        assertThat(rerun.zipsSent()).extracting(CollationSummary.ZipSent::name).containsExactly(failing);
        assertThat(entries(FTP_FOLDER.resolve(failing))).containsExactly(c1.entryName(), c2.entryName());
        assertThat(fixtures.status(c1)).isEqualTo("sending");
    }

    @Test
    void aZipThatCannotBeWrittenIsNotLeftOnTheServerAndItsLettersStayCreated() throws IOException {
        PrintRun run = PrintRun.at(Instant.parse("2020-04-06T16:50:00Z"));
        TestService service = fixtures.service('7', null);
        Letter first = fixtures.letter(service, "economy", LocalDateTime.parse("2020-04-06T08:00:00"), PDF_BYTES);
        Letter second = fixtures.letter(service, "economy", LocalDateTime.parse("2020-04-06T08:01:00"), PDF_BYTES);
        // Two letters claiming one PDF: the second zip entry of the same name makes the zip writer fail midway.
        jdbc.sql("UPDATE notifications SET reference = :reference WHERE id = :id")
                .param("reference", first.reference()).param("id", second.id()).update();
        String zip = name(run, "economy", 1, null, first, first);

        CollationSummary summary = collation.collate(run);

        assertThat(summary.zipsFailed()).singleElement().satisfies(failed -> {
            assertThat(failed.name()).isEqualTo(zip);
            assertThat(failed.error()).contains("duplicate entry");
        });
        assertThat(FTP_FOLDER.resolve(zip)).doesNotExist();
        assertThat(zipsOf(service)).isEmpty();
        assertThat(zipsSentRecordExists(run, zip)).isFalse();
        assertThat(fixtures.status(first)).isEqualTo("created");
        assertThat(fixtures.status(second)).isEqualTo("created");
    }

    @Test
    void aZipTheServerKeptAfterAFailedUploadAndWouldNotRemoveIsNamedInTheAlert() throws IOException {
        // Earlier than any other test's print date, so no letter another test left created goes in this run.
        PrintRun run = PrintRun.at(Instant.parse("2020-02-03T17:50:00Z"));
        Letter letter = fixtures.letter(fixtures.service('8', null), "second", LocalDateTime.parse("2020-02-03T08:00:00"),
                PDF_BYTES);
        String zip = name(run, "second", 1, null, letter);
        // The server stores the whole zip but the reply never comes, and it refuses the delete that should follow.
        DvlaServer replyLost = new DvlaSftp(producer, ftpProperties, sftpProperties) {
            @Override
            public void upload(String zipName, InputStream content) throws IOException {
                super.upload(zipName, content);
                throw new IOException("Connection closed; transfer aborted");
            }

            @Override
            public boolean delete(String zipName) {
                return false;
            }
        };
        LetterCollation collating = new LetterCollation(repository, notifications, pdfBucket, zipWriter, replyLost,
                configured, clock, meters, alerts);

        CollationSummary summary = collating.collate(run);

        assertThat(summary.zipsFailed()).singleElement().satisfies(failed -> {
            assertThat(failed.name()).isEqualTo(zip);
            assertThat(failed.error()).contains(zip + LetterCollation.LEFT_ON_SERVER);
        });
        assertThat(entries(FTP_FOLDER.resolve(zip))).containsExactly(letter.entryName());
        assertThat(fixtures.status(letter)).isEqualTo("created");
        assertThat(AlertWebhook.mentioning(zip)).singleElement()
                .satisfies(alert -> assertThat(alert.get("body").toString()).contains(LetterCollation.LEFT_ON_SERVER));

        // Not part of any later test's run.
        Files.delete(FTP_FOLDER.resolve(zip));
        jdbc.sql("UPDATE notifications SET notification_status = 'cancelled' WHERE id = :id").param("id", letter.id()).update();
    }

    @Test
    void onlyOneRunAtATime() {
        UUID otherRun = UUID.randomUUID();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        assertThat(repository.holdLock(otherRun, now, now.plusMinutes(15))).isTrue();
        try {
            assertThatThrownBy(() -> collation.collate(PrintRun.at(Instant.parse("2020-03-02T17:50:00Z"))))
                    .isInstanceOf(CollationUnavailableException.class)
                    .hasMessage("A letter collation is already running")
                    .matches(e -> ((CollationUnavailableException) e).busy());
        } finally {
            repository.releaseLock(otherRun, now);
        }
        assertThat(collation.collate(PrintRun.at(Instant.parse("2020-03-02T17:50:00Z"))).printDate())
                .isEqualTo("2020-03-02");
    }

    @Test
    void runsNightlyAt1750LondonThroughItsOwnRoute() {
        assertThat(camel.getRoute("collate-letter-pdfs-to-be-sent-trigger").getEndpoint().getEndpointUri())
                .startsWith("quartz://notify/collate-letter-pdfs-to-be-sent")
                .contains("cron=0+50+17+*+*+%3F")
                .contains("trigger.timeZone=Europe%2FLondon");

        Object result = camel.createProducerTemplate().requestBody("direct:collate-letter-pdfs-to-be-sent", (Object) null);

        assertThat(result).isInstanceOfSatisfying(CollationSummary.class,
                summary -> assertThat(summary.printDate()).isEqualTo(PrintRun.at(Instant.now()).date()));
    }

    private static String name(PrintRun run, String postage, int number, UUID organisation, Letter... letters) {
        return ZipNames.zipName(run.date(), postage, number,
                Stream.of(letters).map(letter -> letter.asPdf(organisation)).toList());
    }

    private static List<String> zipsOf(TestService... services) throws IOException {
        try (Stream<Path> files = Files.list(FTP_FOLDER)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> Stream.of(services).anyMatch(service -> name.contains(service.id().toString())))
                    .toList();
        }
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                names.add(entries.nextElement().getName());
            }
        }
        return names;
    }

    private List<String> zipsSentRecord(PrintRun run, String zip) throws IOException {
        byte[] json = s3.getObject(request -> request.bucket(bucket).key(ZipNames.zipsSentKey(run, zip)),
                ResponseTransformer.toBytes()).asByteArray();
        return mapper.readValue(json, new TypeReference<>() {
        });
    }

    private boolean zipsSentRecordExists(PrintRun run, String zip) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(ZipNames.zipsSentKey(run, zip)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
