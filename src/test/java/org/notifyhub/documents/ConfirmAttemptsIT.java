package org.notifyhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HandClock;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendEmailResponse;

/**
 * Guessing the address a file was sent to is limited per file (50 attempts in 5 minutes, as document-download-api):
 * past the limit every attempt, the right address too, is 429 and grants nothing, until the oldest leave the window;
 * requests without the file's key never count, so nobody without the link can lock its recipient out.
 */
class ConfirmAttemptsIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private ConfirmAttemptRepository repository;

    private TestService service;

    @BeforeEach
    void serviceThatMaySendFiles() {
        service = testServices.create(false, List.of("email"));
        testServices.setContactLink(service.id(), "files@example.gov.uk");
    }

    @Test
    void theFiftyFirstAttemptIsRefusedEvenWithTheRightAddressAndWrongKeysNeverCount() throws Exception {
        String confirm = confirmPage(sendFile());
        DownloadBrowser browser = new DownloadBrowser(baseUrl());
        String wrongKey = confirm.replaceFirst("key=[^&]+", "key=" + "A".repeat(43));
        for (int i = 0; i < 60; i++) {
            assertThat(browser.postEmail(wrongKey, "guess" + i + "@example.com").statusCode()).isEqualTo(404);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(browser.postEmail(confirm, "guess" + i + "@example.com").statusCode()).as("attempt %d", i + 1)
                    .isEqualTo(400);
        }

        HttpResponse<byte[]> refused = browser.postEmail(confirm, "recipient@example.com");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("300");
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(DownloadBrowser.text(refused)).contains("Too many attempts").contains("confirm-email-address");
        assertThat(jdbc.sql("SELECT count(*) FROM document_confirm_attempts a JOIN documents d ON d.id = a.document_id"
                + " WHERE d.service_id = :s").param("s", service.id()).query(Long.class).single()).isEqualTo(50);
    }

    @Test
    void theWindowSlidesAndEachFileHasItsOwnCount() throws Exception {
        sendFile();
        sendFile();
        List<UUID> files = jdbc.sql("SELECT id FROM documents WHERE service_id = :s ORDER BY id").param("s", service.id())
                .query(UUID.class).list();
        HandClock clock = new HandClock(Instant.now());
        ConfirmAttempts attempts = new ConfirmAttempts(repository, transaction, clock, 3, Duration.ofSeconds(300));

        assertThat(List.of(attempts.tryAttempt(files.get(0)), attempts.tryAttempt(files.get(0)))).containsOnly(true);
        clock.advance(Duration.ofSeconds(200));
        assertThat(attempts.tryAttempt(files.get(0))).isTrue();
        assertThat(attempts.tryAttempt(files.get(0))).isFalse();
        assertThat(attempts.tryAttempt(files.get(1))).isTrue();
        clock.advance(Duration.ofSeconds(101));   // the first two are 301 s old: out of the window
        assertThat(attempts.tryAttempt(files.get(0))).isTrue();
        assertThat(attempts.tryAttempt(files.get(0))).isTrue();
        assertThat(attempts.tryAttempt(files.get(0))).isFalse();
    }

    @Test
    void attemptsAtOnceFromManyConnectionsNeverPassTheLimit() throws Exception {
        sendFile();
        UUID file = jdbc.sql("SELECT id FROM documents WHERE service_id = :s").param("s", service.id()).query(UUID.class)
                .single();
        ConfirmAttempts attempts = new ConfirmAttempts(repository, transaction, new HandClock(Instant.now()), 20,
                Duration.ofSeconds(300));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                results.add(pool.submit(() -> attempts.tryAttempt(file)));
            }
            long allowed = 0;
            for (Future<Boolean> result : results) {
                allowed += result.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    private String sendFile() throws Exception {
        SendEmailResponse sent = new NotificationClient(service.normalKey(), baseUrl()).sendEmail(
                service.emailTemplate().toString(), "recipient@example.com",
                Map.of("name", NotificationClient.prepareUpload(SendFileRefusalsIT.pdf(), "for you.pdf")), null);
        return SendFilesIT.link(sent.getBody());
    }

    private String confirmPage(String link) throws Exception {
        return DownloadBrowser.link(new DownloadBrowser(baseUrl()).get(link), "/confirm-email-address");
    }
}
