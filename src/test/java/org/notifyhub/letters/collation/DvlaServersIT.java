package org.notifyhub.letters.collation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notifyhub.alerts.Alerts;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.letters.collation.LetterCollationFixtures.Letter;
import org.notifyhub.local.LocalServer;
import org.notifyhub.local.LocalServers;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.support.AlertWebhook;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * DVLA's server over SFTP (the local default's embedded MINA SSHD server) and over plain FTP: a zip that reaches the
 * server makes its letters sending; a login or host key the hub refuses leaves them created, with an alert. Print
 * dates are in 2018, before every other test's, and letters left created are cancelled, so no other run sees them.
 */
class DvlaServersIT extends HubIntegrationTest {

    private static final Path SFTP_FOLDER = DATA_DIR.resolve("dvla-sftp").resolve("notify");
    private static final int PDF_BYTES = 2000;

    @Autowired
    DvlaServer configuredServer;
    @Autowired
    DvlaFtpProperties ftpProperties;
    @Autowired
    DvlaSftpProperties sftpProperties;
    @Autowired
    LetterCollation collation;
    @Autowired
    LetterCollationRepository repository;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    LetterPdfBucket pdfBucket;
    @Autowired
    LetterZipWriter zipWriter;
    @Autowired
    LetterCollationProperties limits;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Alerts alerts;
    @Autowired
    ObjectStorage storage;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProducerTemplate producer;
    @Value("${notify.buckets.letters-pdf}")
    String bucket;

    @TempDir
    Path otherServerData;

    private LetterCollationFixtures fixtures;
    private Letter letter;

    @BeforeEach
    void fixtures() {
        fixtures = new LetterCollationFixtures(testServices, notifications, storage, jdbc, bucket);
    }

    @AfterEach
    void noLetterLeftForOtherRuns() {
        jdbc.sql("UPDATE notifications SET notification_status = 'cancelled' WHERE id = :id AND notification_status = 'created'")
                .param("id", letter.id()).update();
    }

    @Test
    void aZipReachesTheEmbeddedSftpServerAndItsLettersBecomeSending() throws IOException {
        assertThat(configuredServer).isInstanceOf(DvlaSftp.class);
        assertThat(sftpProperties.knownHosts()).startsWith("[127.0.0.1]:" + ftpProperties.port() + " ");
        PrintRun run = PrintRun.at(Instant.parse("2018-03-05T17:50:00Z"));
        letter = letterOn(run);

        CollationSummary summary = collation.collate(run);

        String zip = zipName(run);
        assertThat(summary.zipsSent()).extracting(CollationSummary.ZipSent::name).containsExactly(zip);
        assertThat(summary.zipsSent().get(0).bytes()).isEqualTo(Files.size(SFTP_FOLDER.resolve(zip)));
        assertThat(entries(SFTP_FOLDER.resolve(zip))).containsExactly(letter.entryName());
        assertThat(fixtures.status(letter)).isEqualTo("sending");
    }

    @Test
    void aLoginTheSftpServerRefusesLeavesTheLettersCreatedAndAlerts() throws IOException {
        PrintRun run = PrintRun.at(Instant.parse("2018-03-06T17:50:00Z"));
        letter = letterOn(run);
        DvlaFtpProperties wrongPassword = new DvlaFtpProperties(ftpProperties.host(), ftpProperties.port(),
                ftpProperties.username(), "not-the-password", ftpProperties.remoteFolder());

        CollationSummary summary = collationWith(new DvlaSftp(producer, wrongPassword, sftpProperties)).collate(run);

        String zip = zipName(run);
        assertThat(summary.zipsSent()).isEmpty();
        assertThat(summary.zipsFailed()).singleElement().satisfies(failed -> {
            assertThat(failed.name()).isEqualTo(zip);
            assertThat(failed.error()).startsWith("Upload to DVLA's SFTP server failed").contains("Auth fail")
                    // Refused before the zip was opened there: nothing to remove by hand.
                    .doesNotContain(LetterCollation.LEFT_ON_SERVER);
        });
        assertThat(SFTP_FOLDER.resolve(zip)).doesNotExist();
        assertThat(fixtures.status(letter)).isEqualTo("created");
        assertThat(AlertWebhook.mentioning(zip)).singleElement()
                .satisfies(alert -> assertThat(alert.get("title")).isEqualTo("Letters not sent to DVLA"));
    }

    @Test
    void aServerWhoseHostKeyIsNotTheKnownOneIsRefusedBeforeAnythingIsSent() throws Exception {
        PrintRun run = PrintRun.at(Instant.parse("2018-03-07T17:50:00Z"));
        letter = letterOn(run);
        String hostAndPort = "[127.0.0.1]:" + ftpProperties.port();
        // Another key for this host and port (as after a man in the middle), and only another host's key.
        for (String knownHosts : List.of(hostAndPort + " " + publicKey(newKey()), "[sftp.dvla.example]:22 " + publicKey(newKey()))) {
            DvlaSftpProperties otherKey = new DvlaSftpProperties(null, null, knownHosts);

            CollationSummary summary = collationWith(new DvlaSftp(producer, ftpProperties, otherKey)).collate(run);

            assertThat(summary.zipsSent()).isEmpty();
            assertThat(summary.zipsFailed()).singleElement()
                    .satisfies(failed -> assertThat(failed.error()).containsIgnoringCase("HostKey")
                            .doesNotContain(LetterCollation.LEFT_ON_SERVER));
            assertThat(SFTP_FOLDER.resolve(zipName(run))).doesNotExist();
            assertThat(fixtures.status(letter)).isEqualTo("created");
        }
    }

    @Test
    void aPrivateKeyWithItsPassphraseLogsInWithoutAPassword() throws Exception {
        KeyPair key = newKey();
        byte[] pem = privateKey(key, "key-passphrase");
        Path keyFile = Files.write(otherServerData.resolve("id_ecdsa"), pem);
        try (LocalServer server = LocalServers.dvlaSftp(otherServerData, "unused-password", List.of(publicKey(key)))) {
            DvlaFtpProperties byKey = new DvlaFtpProperties("127.0.0.1", port(server), "dvla", null, "notify");
            String knownHosts = (String) server.properties().get("notify.dvla.sftp.known-hosts");
            PrintRun run = PrintRun.at(Instant.parse("2018-03-08T17:50:00Z"));
            letter = letterOn(run);
            DvlaSftp pemText = new DvlaSftp(producer, byKey,
                    new DvlaSftpProperties(new String(pem, StandardCharsets.US_ASCII), "key-passphrase", knownHosts));

            CollationSummary summary = collationWith(pemText).collate(run);

            String zip = zipName(run);
            Path uploaded = otherServerData.resolve("dvla-sftp").resolve("notify").resolve(zip);
            assertThat(summary.zipsSent()).extracting(CollationSummary.ZipSent::name).containsExactly(zip);
            assertThat(entries(uploaded)).containsExactly(letter.entryName());
            assertThat(fixtures.status(letter)).isEqualTo("sending");
            // The key as a file path works the same; the wrong passphrase does not log in.
            DvlaSftp keyFilePath = new DvlaSftp(producer, byKey,
                    new DvlaSftpProperties(keyFile.toString(), "key-passphrase", knownHosts));
            assertThat(keyFilePath.remoteSize(zip)).hasValue(Files.size(uploaded));
            assertThat(keyFilePath.delete(zip)).isTrue();
            assertThat(uploaded).doesNotExist();
            assertThat(keyFilePath.remoteSize(zip)).isEmpty();
            DvlaSftp wrongPassphrase = new DvlaSftp(producer, byKey,
                    new DvlaSftpProperties(keyFile.toString(), "not-the-passphrase", knownHosts));
            assertThatThrownBy(() -> wrongPassphrase.remoteSize(zip))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void plainFtpStaysSelectableForZipsAndResponseFiles() throws Exception {
        try (LocalServer server = LocalServers.dvlaFtp(otherServerData, "ftp-password")) {
            assertThat(server.properties()).containsEntry("notify.dvla.protocol", "ftp");
            DvlaFtp ftp = new DvlaFtp(producer, new DvlaFtpProperties("127.0.0.1", port(server), "dvla", "ftp-password",
                    "notify"));
            PrintRun run = PrintRun.at(Instant.parse("2018-03-09T17:50:00Z"));
            letter = letterOn(run);

            CollationSummary summary = collationWith(ftp).collate(run);

            String zip = zipName(run);
            Path uploaded = otherServerData.resolve("dvla-ftp").resolve("notify").resolve(zip);
            assertThat(summary.zipsSent()).extracting(CollationSummary.ZipSent::name).containsExactly(zip);
            assertThat(entries(uploaded)).containsExactly(letter.entryName());
            assertThat(fixtures.status(letter)).isEqualTo("sending");
            // DVLA's response files are read from the same server through the same endpoint settings.
            Path responses = Files.createDirectories(otherServerData.resolve("dvla-ftp").resolve("response"));
            Files.writeString(responses.resolve("NOTIFY-20180310120000-RSP.TXT"), letter.reference() + "|Sent|1|Sorted\n");
            ConsumerTemplate consumer = producer.getCamelContext().createConsumerTemplate();
            String body = consumer.receiveBody(ftp.folder("response", Map.of("delete", true)), 10_000, String.class);
            assertThat(body).isEqualTo(letter.reference() + "|Sent|1|Sorted\n");
        }
    }

    private Letter letterOn(PrintRun run) {
        return fixtures.letter(fixtures.service('9', null), "second", LocalDateTime.parse(run.date() + "T08:00:00"),
                PDF_BYTES);
    }

    private String zipName(PrintRun run) {
        return ZipNames.zipName(run.date(), "second", 1, List.of(letter.asPdf(null)));
    }

    private LetterCollation collationWith(DvlaServer server) {
        return new LetterCollation(repository, notifications, pdfBucket, zipWriter, server, limits, clock, meters, alerts);
    }

    private static int port(LocalServer server) {
        return (Integer) server.properties().get("notify.dvla.ftp.port");
    }

    private static KeyPair newKey() throws JSchException {
        return KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
    }

    /** The OpenSSH public key line: type and key, no comment. */
    private static String publicKey(KeyPair key) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        key.writePublicKey(line, "");
        return line.toString(StandardCharsets.US_ASCII).trim();
    }

    private static byte[] privateKey(KeyPair key, String passphrase) {
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        key.writePrivateKey(pem, passphrase.getBytes(StandardCharsets.US_ASCII));
        return pem.toByteArray();
    }

    private static List<String> entries(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().map(entry -> entry.getName()).toList();
        }
    }
}
