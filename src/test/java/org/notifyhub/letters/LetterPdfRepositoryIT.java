package org.notifyhub.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices;
import org.springframework.beans.factory.annotation.Autowired;

/** The guards of the letter PDF steps (in NotificationRepository): each moves a letter only from the state it expects. */
class LetterPdfRepositoryIT extends HubIntegrationTest {

    /** Rows made now are younger than the hour after which the running replay job would pick them up. */
    private static final LocalDateTime NOW = LocalDateTime.now(ZoneOffset.UTC);

    @Autowired
    private NotificationRepository notifications;

    private TestServices.TestService service;

    @BeforeEach
    void createService() {
        service = testServices.create(false, List.of("letter"));
    }

    @Test
    void sheetsAreRecordedOnceAndOnlyForLettersWaitingForTheirPdf() {
        UUID waiting = letter(NotificationStatus.CREATED, KeyType.NORMAL, 0);
        UUID testKey = letter(NotificationStatus.SENDING, KeyType.TEST, 0);
        UUID liveSending = letter(NotificationStatus.SENDING, KeyType.NORMAL, 0);
        UUID cancelled = letter(NotificationStatus.CANCELLED, KeyType.NORMAL, 0);

        assertThat(notifications.recordSheets(waiting, 2, NOW)).isTrue();
        assertThat(notifications.recordSheets(waiting, 3, NOW)).isFalse();
        assertThat(notifications.recordSheets(testKey, 1, NOW)).isTrue();
        assertThat(notifications.recordSheets(liveSending, 1, NOW)).isFalse();
        assertThat(notifications.recordSheets(cancelled, 1, NOW)).isFalse();
        assertThat(row(waiting).billableUnits()).isEqualTo(2);
        assertThat(row(cancelled).billableUnits()).isZero();

        notifications.forgetSheets(testKey);
        notifications.forgetSheets(waiting);
        assertThat(row(testKey).billableUnits()).isZero();
        assertThat(row(waiting).billableUnits()).as("only test-key letters are reset").isEqualTo(2);
    }

    @Test
    void precompiledOutcomesApplyOnlyFromPendingVirusCheck() {
        UUID pending = letter(NotificationStatus.PENDING_VIRUS_CHECK, KeyType.NORMAL, 0);
        UUID created = letter(NotificationStatus.CREATED, KeyType.NORMAL, 1);

        assertThat(notifications.markPrecompiledPassed(pending, NotificationStatus.CREATED, 2, "A\nB\nSW1A 1AA", "absw1a1aa",
                "europe", NOW))
                .isTrue();
        assertThat(notifications.markVirusScanFailed(pending, NOW)).isFalse();
        assertThat(notifications.markPrecompiledInvalid(pending, NOW)).isFalse();
        assertThat(notifications.markVirusScanFailed(created, NOW)).isFalse();
        NotificationRow passed = row(pending);
        assertThat(passed.status()).isEqualTo(NotificationStatus.CREATED);
        assertThat(passed.billableUnits()).isEqualTo(2);
        assertThat(passed.to()).isEqualTo("A\nB\nSW1A 1AA");
        assertThat(passed.postage()).isEqualTo("europe");
    }

    @Test
    void technicalFailureNeverOverwritesALetterThatHasItsPdf() {
        UUID withPdf = letter(NotificationStatus.CREATED, KeyType.NORMAL, 1);
        UUID withoutPdf = letter(NotificationStatus.CREATED, KeyType.NORMAL, 0);
        UUID scanning = letter(NotificationStatus.PENDING_VIRUS_CHECK, KeyType.NORMAL, 0);

        assertThat(notifications.markLetterTechnicalFailure(withPdf, NOW)).isFalse();
        assertThat(notifications.markLetterTechnicalFailure(withoutPdf, NOW)).isTrue();
        assertThat(notifications.markLetterTechnicalFailure(scanning, NOW)).isTrue();
        assertThat(row(withPdf).status()).isEqualTo(NotificationStatus.CREATED);
    }

    @Test
    void theSweeperFindsOnlyOldLettersStillWithoutTheirPdfOrScan() {
        // a future "now", so the replay job running in this context leaves these rows alone
        LocalDateTime later = NOW.plusDays(10);
        UUID old = letter(NotificationStatus.CREATED, KeyType.NORMAL, 0, later.minusHours(2));
        UUID recent = letter(NotificationStatus.CREATED, KeyType.NORMAL, 0, later.minusMinutes(10));
        UUID done = letter(NotificationStatus.CREATED, KeyType.NORMAL, 1, later.minusHours(2));
        UUID oldScan = letter(NotificationStatus.PENDING_VIRUS_CHECK, KeyType.NORMAL, 0, later.minusHours(2));

        List<UUID> awaitingPdf = notifications.findAwaitingPdfSince(later.minusHours(1), 10_000);
        assertThat(awaitingPdf).contains(old).doesNotContain(recent, done, oldScan);
        assertThat(notifications.findAwaitingScanSince(later.minusHours(1), 10_000)).contains(oldScan)
                .doesNotContain(old);
    }

    private UUID letter(NotificationStatus status, KeyType keyType, int billableUnits) {
        return letter(status, keyType, billableUnits, NOW);
    }

    private UUID letter(NotificationStatus status, KeyType keyType, int billableUnits, LocalDateTime createdAt) {
        UUID id = UUID.randomUUID();
        notifications.insert(new NotificationRow(id, "A\nB\nSW1A 1AA", "absw1a1aa", null, null, service.id(),
                service.letterTemplate(), 1, null, keyType, billableUnits, NotificationType.LETTER, createdAt, null, null,
                null, status, "REF" + id.toString().substring(0, 13).replace("-", "").toUpperCase(), null, null, null,
                "second", null, false, null, null, null));
        return id;
    }

    private NotificationRow row(UUID id) {
        return notifications.find(id).orElseThrow();
    }
}
