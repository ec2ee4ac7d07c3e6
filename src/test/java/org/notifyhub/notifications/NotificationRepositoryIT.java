package org.notifyhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.notifyhub.notifications.NotificationStatus.CANCELLED;
import static org.notifyhub.notifications.NotificationStatus.CREATED;
import static org.notifyhub.notifications.NotificationStatus.DELIVERED;
import static org.notifyhub.notifications.NotificationStatus.PENDING;
import static org.notifyhub.notifications.NotificationStatus.PENDING_VIRUS_CHECK;
import static org.notifyhub.notifications.NotificationStatus.PERMANENT_FAILURE;
import static org.notifyhub.notifications.NotificationStatus.RETURNED_LETTER;
import static org.notifyhub.notifications.NotificationStatus.SENDING;
import static org.notifyhub.notifications.NotificationStatus.SENT;
import static org.notifyhub.notifications.NotificationStatus.TECHNICAL_FAILURE;
import static org.notifyhub.notifications.NotificationStatus.TEMPORARY_FAILURE;
import static org.notifyhub.notifications.NotificationStatus.VALIDATION_FAILED;
import static org.notifyhub.notifications.NotificationStatus.VIRUS_SCAN_FAILED;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.letters.LetterRows;
import org.notifyhub.notifications.NotificationRepository.UpdatedLetter;
import org.notifyhub.services.CallbackApiRepository;
import org.notifyhub.services.CallbackApiRow;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every guarded status change of the one NotificationRepository: each moves a notification from the statuses it
 * allows, and from any other status changes nothing and says so (empty, false or 0). Rows are created now, so the
 * replay job running in the shared context leaves them alone; bulk changes use cut-offs only these rows fall under.
 */
class NotificationRepositoryIT extends HubIntegrationTest {

    /** Truncated as PostgreSQL stores timestamps, so rows read back compare equal. */
    private static final LocalDateTime NOW = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    /** Long before anything else in the suite's database. */
    private static final LocalDateTime LONG_AGO = LocalDateTime.parse("2001-02-03T04:05:06");

    @Autowired
    private NotificationRepository notifications;
    @Autowired
    private CallbackApiRepository callbackApis;
    @Autowired
    private JdbcClient jdbc;

    private TestService service;

    @BeforeEach
    void createService() {
        service = testServices.create(false, List.of("email", "sms", "letter"));
    }

    @Test
    void onlyACreatedNotificationCanBeClaimedForSending() {
        UUID created = email(CREATED);
        UUID sending = email(SENDING);

        Optional<NotificationRow> claimed = notifications.claimForSending(created, NOW);
        assertThat(claimed).map(NotificationRow::status).contains(SENDING);
        assertThat(row(created).updatedAt()).isEqualTo(NOW);
        assertThat(notifications.claimForSending(created, NOW)).as("a second claim").isEmpty();
        assertThat(notifications.claimForSending(sending, NOW)).isEmpty();
    }

    @Test
    void aClaimIsReleasedOnlyWhileSendingAndNotYetSent() {
        UUID claimed = email(SENDING);
        UUID sent = insert(row(NotificationType.EMAIL, SENDING).sentAt(NOW).build());
        UUID delivered = email(DELIVERED);

        notifications.releaseClaim(claimed);
        notifications.releaseClaim(sent);
        notifications.releaseClaim(delivered);

        assertThat(row(claimed).status()).isEqualTo(CREATED);
        assertThat(row(sent).status()).isEqualTo(SENDING);
        assertThat(row(delivered).status()).isEqualTo(DELIVERED);
    }

    @Test
    void anSmsClaimIsReleasedWithItsBillableUnitsOnlyWhileSendingAndNotYetSent() {
        UUID claimed = sms(SENDING);
        UUID sent = insert(row(NotificationType.SMS, SENDING).sentAt(NOW).build());
        UUID created = sms(CREATED);

        notifications.releaseSmsClaim(claimed, 3, NOW);
        notifications.releaseSmsClaim(sent, 3, NOW);
        notifications.releaseSmsClaim(created, 3, NOW);

        assertThat(row(claimed)).extracting(NotificationRow::status, NotificationRow::billableUnits)
                .containsExactly(CREATED, 3);
        assertThat(row(sent)).extracting(NotificationRow::status, NotificationRow::billableUnits)
                .containsExactly(SENDING, 1);
        assertThat(row(created).billableUnits()).isEqualTo(1);
    }

    @Test
    void aProviderSendIsRecordedOnTheNotification() {
        UUID id = email(SENDING);

        notifications.recordSent(id, "ses-message-id", "ses", NOW);

        NotificationRow sent = row(id);
        assertThat(sent).extracting(NotificationRow::reference, NotificationRow::sentBy, NotificationRow::sentAt,
                NotificationRow::status).containsExactly("ses-message-id", "ses", NOW, SENDING);
    }

    @Test
    void aTextMessageIsRecordedAsSentOnlyWhileSending() {
        UUID sending = sms(SENDING);
        UUID created = sms(CREATED);

        notifications.recordSmsSent(sending, "mmg", 2, NOW, SENT);
        notifications.recordSmsSent(created, "mmg", 2, NOW, SENT);

        assertThat(row(sending)).extracting(NotificationRow::status, NotificationRow::sentBy,
                NotificationRow::billableUnits).containsExactly(SENT, "mmg", 2);
        assertThat(row(created)).extracting(NotificationRow::status, NotificationRow::sentBy)
                .containsExactly(CREATED, null);
    }

    @Test
    void receiptsByIdApplyInOneStatementOnlyFromTheAllowedStatuses() {
        UUID sending = sms(SENDING);
        UUID pending = sms(PENDING);
        UUID delivered = sms(DELIVERED);
        List<NotificationStatus> allowed = List.of(SENDING, PENDING);

        assertThat(notifications.updateStatuses(List.of(sending, pending, delivered, UUID.randomUUID()),
                PERMANENT_FAILURE, allowed, NOW)).extracting(NotificationRow::id, NotificationRow::status)
                .containsExactlyInAnyOrder(tuple(sending, PERMANENT_FAILURE), tuple(pending, PERMANENT_FAILURE));
        assertThat(notifications.updateStatuses(List.of(), DELIVERED, allowed, NOW)).isEmpty();
        assertThat(row(delivered).status()).isEqualTo(DELIVERED);
        assertThat(notifications.findAll(List.of(sending, delivered))).extracting(NotificationRow::id)
                .containsExactlyInAnyOrder(sending, delivered);
    }

    @Test
    void receiptsByReferenceApplyInOneStatementOnlyFromTheAllowedStatuses() {
        String pendingReference = "ref-" + UUID.randomUUID();
        String deliveredReference = "ref-" + UUID.randomUUID();
        UUID pending = insert(row(NotificationType.EMAIL, PENDING).reference(pendingReference).build());
        UUID delivered = insert(row(NotificationType.EMAIL, DELIVERED).reference(deliveredReference).build());
        List<NotificationStatus> allowed = List.of(SENDING, PENDING);

        assertThat(notifications.updateStatusesByReference(List.of(pendingReference, deliveredReference,
                "no-such-reference"), PERMANENT_FAILURE, allowed, NOW)).extracting(NotificationRow::id)
                .containsExactly(pending);
        assertThat(row(pending).status()).isEqualTo(PERMANENT_FAILURE);
        assertThat(row(delivered).status()).isEqualTo(DELIVERED);
        assertThat(notifications.existingReferences(List.of(pendingReference, deliveredReference, "no-such-reference")))
                .containsExactlyInAnyOrder(pendingReference, deliveredReference);
    }

    @Test
    void aSendFailsForGoodOnlyFromCreatedOrSending() {
        UUID created = email(CREATED);
        UUID sending = email(SENDING);
        UUID delivered = email(DELIVERED);

        assertThat(notifications.markTechnicalFailure(created, NOW)).map(NotificationRow::status)
                .contains(TECHNICAL_FAILURE);
        assertThat(notifications.markTechnicalFailure(sending, NOW)).map(NotificationRow::status)
                .contains(TECHNICAL_FAILURE);
        assertThat(notifications.markTechnicalFailure(delivered, NOW)).isEmpty();
        assertThat(row(delivered).status()).isEqualTo(DELIVERED);
    }

    @Test
    void onlyATechnicalFailureThatWasNeverSentIsReopened() {
        UUID failed = email(TECHNICAL_FAILURE);
        UUID failedAfterSending = insert(row(NotificationType.EMAIL, TECHNICAL_FAILURE).sentAt(NOW).build());
        UUID temporary = email(TEMPORARY_FAILURE);

        assertThat(notifications.reopenTechnicalFailure(failed)).isTrue();
        assertThat(notifications.reopenTechnicalFailure(failedAfterSending)).isFalse();
        assertThat(notifications.reopenTechnicalFailure(temporary)).isFalse();
        assertThat(row(failed).status()).isEqualTo(CREATED);
        assertThat(row(failedAfterSending).status()).isEqualTo(TECHNICAL_FAILURE);
        assertThat(row(temporary).status()).isEqualTo(TEMPORARY_FAILURE);
    }

    @Test
    void onlyOldEmailsAndTextMessagesStillSendingOrPendingTimeOut() {
        UUID sending = insert(row(NotificationType.EMAIL, SENDING).createdAt(LONG_AGO).build());
        UUID pending = insert(row(NotificationType.SMS, PENDING).createdAt(LONG_AGO).build());
        UUID delivered = insert(row(NotificationType.SMS, DELIVERED).createdAt(LONG_AGO).build());
        UUID letter = insert(row(NotificationType.LETTER, SENDING).createdAt(LONG_AGO).build());
        UUID recent = email(SENDING);
        LocalDateTime cutOff = LONG_AGO.plusDays(1);

        List<NotificationRow> first = notifications.timeOutSending(cutOff, NOW, 1);
        List<NotificationRow> second = notifications.timeOutSending(cutOff, NOW, 10);

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(List.of(first.get(0).id(), second.get(0).id())).containsExactlyInAnyOrder(sending, pending);
        assertThat(first.get(0).status()).isEqualTo(TEMPORARY_FAILURE);
        assertThat(notifications.timeOutSending(cutOff, NOW, 10)).as("nothing left").isEmpty();
        assertThat(row(delivered).status()).isEqualTo(DELIVERED);
        assertThat(row(letter).status()).isEqualTo(SENDING);
        assertThat(row(recent).status()).isEqualTo(SENDING);
    }

    @Test
    void onlyClaimsOfEmailsAndTextMessagesNeverSentAndOlderThanTheCutOffAreReleased() {
        // The replay job releases claims older than 15 minutes: these are younger, so only this test's call moves them.
        LocalDateTime cutOff = NOW.plusMinutes(1);
        UUID abandoned = insert(row(NotificationType.EMAIL, SENDING).updatedAt(NOW).build());
        UUID sent = insert(row(NotificationType.EMAIL, SENDING).updatedAt(NOW).sentAt(NOW).build());
        UUID letter = insert(row(NotificationType.LETTER, SENDING).updatedAt(NOW).build());
        UUID fresh = insert(row(NotificationType.SMS, SENDING).updatedAt(cutOff.plusMinutes(1)).build());
        // The worker died after its provider call started: the provider may have the message, so it is never sent
        // again (its receipt or the sending timeout settles it).
        UUID called = insert(row(NotificationType.EMAIL, SENDING).updatedAt(NOW).build());
        assertThat(notifications.markProviderCallStarting(called, NOW)).isTrue();
        assertThat(notifications.markProviderCallStarting(sent, NOW)).as("not a claim any more").isFalse();

        assertThat(notifications.releaseAbandonedClaims(LONG_AGO)).as("nothing claimed before then").isZero();
        assertThat(notifications.releaseAbandonedClaims(cutOff)).isPositive();

        assertThat(row(abandoned).status()).isEqualTo(CREATED);
        assertThat(row(sent).status()).isEqualTo(SENDING);
        assertThat(row(letter).status()).isEqualTo(SENDING);
        assertThat(row(fresh).status()).isEqualTo(SENDING);
        assertThat(row(called).status()).isEqualTo(SENDING);
    }

    @Test
    void aFailedProviderCallReleasesItsClaimForTheRetryAndTheRetryMayBeReleasedIfItDies() {
        UUID failed = insert(row(NotificationType.EMAIL, SENDING).updatedAt(NOW).build());
        assertThat(notifications.markProviderCallStarting(failed, NOW)).isTrue();

        notifications.releaseClaim(failed);
        assertThat(row(failed).status()).isEqualTo(CREATED);
        assertThat(notifications.claimForSending(failed, NOW)).isPresent();
        assertThat(notifications.releaseAbandonedClaims(NOW.plusMinutes(1))).as("the retry's call never started")
                .isPositive();
        assertThat(row(failed).status()).isEqualTo(CREATED);
    }

    @Test
    void aNotificationWaitingForItsRetryIsNotReplayedUntilTheRetryIsOverdue() {
        LocalDateTime cutOff = NOW.minusHours(1);
        UUID waiting = insert(row(NotificationType.EMAIL, SENDING).createdAt(LONG_AGO).build());
        UUID lostRetry = insert(row(NotificationType.SMS, SENDING).createdAt(LONG_AGO).build());
        UUID lostEnqueue = insert(row(NotificationType.EMAIL, CREATED).createdAt(LONG_AGO).build());

        // The fourth attempt of the ladder waits 4 h: the row is created all that time, long past the replay's cut-off.
        notifications.releaseClaim(waiting, NOW.plusHours(4));
        notifications.releaseClaim(lostRetry, cutOff.minusMinutes(1));

        assertThat(row(waiting).status()).isEqualTo(CREATED);
        assertThat(notifications.findCreatedBefore(cutOff, 1000)).extracting(NotificationRow::id)
                .contains(lostRetry, lostEnqueue)
                .doesNotContain(waiting);
    }

    @Test
    void sheetsAreRecordedOnlyOnTemplatedLettersWaitingForTheirPdf() {
        UUID waiting = letter(CREATED, KeyType.NORMAL, 0);
        UUID testKey = letter(SENDING, KeyType.TEST, 0);
        UUID liveSending = letter(SENDING, KeyType.NORMAL, 0);
        UUID email = email(CREATED);

        assertThat(notifications.recordSheets(waiting, 2, NOW)).isTrue();
        assertThat(notifications.recordSheets(waiting, 3, NOW)).as("it has its sheets now").isFalse();
        assertThat(notifications.recordSheets(testKey, 1, NOW)).isTrue();
        assertThat(notifications.recordSheets(liveSending, 1, NOW)).isFalse();
        assertThat(notifications.recordSheets(email, 1, NOW)).isFalse();
        assertThat(row(waiting).billableUnits()).isEqualTo(2);
        assertThat(row(liveSending).billableUnits()).isZero();

        notifications.forgetSheets(testKey);
        notifications.forgetSheets(waiting);
        assertThat(row(testKey).billableUnits()).isZero();
        assertThat(row(waiting).billableUnits()).as("only a test key's letter forgets").isEqualTo(2);
    }

    @Test
    void aTemplatedLetterIsTooLongOnlyWhileWaitingForItsPdf() {
        UUID waiting = letter(CREATED, KeyType.NORMAL, 0);
        UUID withPdf = letter(CREATED, KeyType.NORMAL, 2);

        assertThat(notifications.markTemplatedTooLong(waiting, NOW)).isTrue();
        assertThat(notifications.markTemplatedTooLong(withPdf, NOW)).isFalse();
        assertThat(row(waiting).status()).isEqualTo(VALIDATION_FAILED);
        assertThat(row(withPdf).status()).isEqualTo(CREATED);
    }

    @Test
    void scanOutcomesApplyOnlyToPrecompiledLettersPendingVirusCheck() {
        UUID infected = letter(PENDING_VIRUS_CHECK, KeyType.NORMAL, 0);
        UUID invalid = letter(PENDING_VIRUS_CHECK, KeyType.NORMAL, 0);
        UUID passed = letter(PENDING_VIRUS_CHECK, KeyType.NORMAL, 0);
        UUID created = letter(CREATED, KeyType.NORMAL, 1);

        assertThat(notifications.markVirusScanFailed(infected, NOW)).isTrue();
        assertThat(notifications.markPrecompiledInvalid(invalid, NOW)).isTrue();
        assertThat(notifications.markPrecompiledPassed(passed, DELIVERED, 2, "A\nB\nSW1A 1AA", "absw1a1aa", "europe",
                NOW)).isTrue();
        assertThat(notifications.markVirusScanFailed(created, NOW)).isFalse();
        assertThat(notifications.markPrecompiledInvalid(created, NOW)).isFalse();
        assertThat(notifications.markPrecompiledPassed(created, CREATED, 2, "A", "a", "first", NOW)).isFalse();
        assertThat(notifications.markPrecompiledPassed(infected, CREATED, 2, "A", "a", "first", NOW))
                .as("a scan outcome is final").isFalse();

        assertThat(row(infected).status()).isEqualTo(VIRUS_SCAN_FAILED);
        assertThat(row(invalid).status()).isEqualTo(VALIDATION_FAILED);
        assertThat(row(passed)).extracting(NotificationRow::status, NotificationRow::billableUnits, NotificationRow::to,
                        NotificationRow::normalisedTo, NotificationRow::postage)
                .containsExactly(DELIVERED, 2, "A\nB\nSW1A 1AA", "absw1a1aa", "europe");
        assertThat(row(created)).extracting(NotificationRow::status, NotificationRow::postage)
                .containsExactly(CREATED, "second");
    }

    @Test
    void aLetterTaskFailsForGoodOnlyWhileTheLetterWaitsForItsPdfOrScan() {
        UUID waiting = letter(CREATED, KeyType.NORMAL, 0);
        UUID scanning = letter(PENDING_VIRUS_CHECK, KeyType.NORMAL, 0);
        UUID withPdf = letter(CREATED, KeyType.NORMAL, 1);
        UUID email = email(CREATED);

        assertThat(notifications.markLetterTechnicalFailure(waiting, NOW)).isTrue();
        assertThat(notifications.markLetterTechnicalFailure(scanning, NOW)).isTrue();
        assertThat(notifications.markLetterTechnicalFailure(withPdf, NOW)).isFalse();
        assertThat(notifications.markLetterTechnicalFailure(email, NOW)).isFalse();
        assertThat(row(waiting).status()).isEqualTo(TECHNICAL_FAILURE);
        assertThat(row(scanning).status()).isEqualTo(TECHNICAL_FAILURE);
        assertThat(row(withPdf).status()).isEqualTo(CREATED);
        assertThat(row(email).status()).isEqualTo(CREATED);
    }

    @Test
    void onlyCreatedLettersAreMarkedSentToDvla() {
        UUID ready = letter(CREATED, KeyType.NORMAL, 1);
        UUID cancelled = letter(CANCELLED, KeyType.NORMAL, 1);
        UUID email = email(CREATED);

        assertThat(notifications.markSentToDvla(List.of(ready, cancelled, email), NOW)).isEqualTo(1);
        assertThat(notifications.markSentToDvla(List.of(ready), NOW)).as("already sent").isZero();
        assertThat(notifications.markSentToDvla(List.of(), NOW)).isZero();

        assertThat(row(ready)).extracting(NotificationRow::status, NotificationRow::sentBy, NotificationRow::sentAt)
                .containsExactly(SENDING, "dvla", NOW);
        assertThat(row(cancelled).status()).isEqualTo(CANCELLED);
        assertThat(row(email).status()).isEqualTo(CREATED);
    }

    @Test
    void aResponseFileMovesOnlyLettersStillSendingInNotificationsAndHistory() {
        callbackApis.insert(new CallbackApiRow(UUID.randomUUID(), service.id(), "delivery_status", "https://cb.example",
                TestServices.SYSTEM_USER, NOW, null), "a-bearer-token-of-some-length");
        LetterRows letters = new LetterRows(jdbc);
        String sending = LetterRows.reference();
        String failing = LetterRows.reference();
        String delivered = LetterRows.reference();
        String purged = LetterRows.reference();
        String purgedDelivered = LetterRows.reference();
        UUID sendingId = letters.insert(service, sending, "sending", NOW);
        letters.insert(service, failing, "sending", NOW);
        letters.insert(service, delivered, "delivered", NOW);
        letters.insertHistory(service, purged, "sending", NOW);
        letters.insertHistory(service, purgedDelivered, "delivered", NOW);
        String[] references = {sending, failing, delivered, purged, purgedDelivered};
        String[] statuses = {"delivered", "temporary-failure", "temporary-failure", "delivered", "temporary-failure"};
        Integer[] pageCounts = {1, 3, 1, 1, 1};

        List<UpdatedLetter> updated = notifications.applyResponseFile(references, statuses, pageCounts, NOW);
        int history = notifications.applyResponseFileToHistory(references, statuses, pageCounts, NOW);

        assertThat(updated).extracting(UpdatedLetter::status).containsExactlyInAnyOrder("delivered", "temporary-failure");
        UpdatedLetter first = updated.stream().filter(u -> u.id().equals(sendingId)).findFirst().orElseThrow();
        assertThat(first).isEqualTo(new UpdatedLetter(sendingId, service.id(), "delivered", 1, 1, true));
        assertThat(history).isEqualTo(1);
        assertThat(letters.status(sending)).isEqualTo("delivered");
        assertThat(letters.status(failing)).isEqualTo("temporary-failure");
        assertThat(letters.status(delivered)).as("a final status stays").isEqualTo("delivered");
        assertThat(letters.historyStatus(purged)).isEqualTo("delivered");
        assertThat(letters.historyStatus(purgedDelivered)).isEqualTo("delivered");
        assertThat(notifications.applyResponseFile(references, statuses, pageCounts, NOW)).as("applied again")
                .isEmpty();
        assertThat(notifications.applyResponseFileToHistory(references, statuses, pageCounts, NOW)).isZero();
    }

    @Test
    void onlyLettersThatReachedThePostAreReturned() {
        LetterRows letters = new LetterRows(jdbc);
        String sending = LetterRows.reference();
        String delivered = LetterRows.reference();
        String created = LetterRows.reference();
        String purged = LetterRows.reference();
        letters.insert(service, sending, "sending", NOW);
        letters.insert(service, delivered, "delivered", NOW);
        UUID createdId = letters.insert(service, created, "created", NOW);
        letters.insertHistory(service, purged, "delivered", NOW);
        List<String> references = List.of(sending, delivered, created, purged);

        assertThat(notifications.markLettersReturned(references, LocalDate.of(2024, 5, 1), NOW)).isEqualTo(3);
        assertThat(notifications.markLettersReturned(references, LocalDate.of(2024, 5, 2), NOW))
                .as("reported again: the same three, reported later").isEqualTo(3);
        assertThat(notifications.markLettersReturned(List.of(created), LocalDate.of(2024, 5, 2), NOW)).isZero();

        assertThat(letters.status(sending)).isEqualTo(RETURNED_LETTER.wireName());
        assertThat(letters.status(delivered)).isEqualTo(RETURNED_LETTER.wireName());
        assertThat(letters.historyStatus(purged)).isEqualTo(RETURNED_LETTER.wireName());
        assertThat(letters.status(created)).isEqualTo("created");
        assertThat(jdbc.sql("SELECT count(*) FROM returned_letters WHERE notification_id = :id")
                .param("id", createdId).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT DISTINCT reported_at FROM returned_letters r JOIN notifications n ON n.id = r.notification_id
                        WHERE n.reference IN (:references)""")
                .param("references", List.of(sending, delivered)).query(LocalDate.class).list())
                .containsExactly(LocalDate.of(2024, 5, 2));
    }

    private UUID email(NotificationStatus status) {
        return insert(row(NotificationType.EMAIL, status).build());
    }

    private UUID sms(NotificationStatus status) {
        return insert(row(NotificationType.SMS, status).build());
    }

    private UUID letter(NotificationStatus status, KeyType keyType, int billableUnits) {
        return insert(row(NotificationType.LETTER, status).keyType(keyType).billableUnits(billableUnits).build());
    }

    private UUID insert(NotificationRow row) {
        notifications.insert(row);
        return row.id();
    }

    private NotificationRow row(UUID id) {
        return notifications.find(id).orElseThrow();
    }

    private RowBuilder row(NotificationType type, NotificationStatus status) {
        return new RowBuilder(type, status);
    }

    /** A row in any state, as the guards need them; an email or text message has one billable unit. */
    private final class RowBuilder {

        private final NotificationType type;
        private final NotificationStatus status;
        private KeyType keyType = KeyType.NORMAL;
        private int billableUnits;
        private LocalDateTime createdAt = NOW;
        private LocalDateTime sentAt;
        private LocalDateTime updatedAt;
        private String reference;

        RowBuilder(NotificationType type, NotificationStatus status) {
            this.type = type;
            this.status = status;
            this.billableUnits = type == NotificationType.LETTER ? 0 : 1;
            this.reference = type == NotificationType.LETTER ? LetterRows.reference() : null;
        }

        RowBuilder keyType(KeyType value) {
            keyType = value;
            return this;
        }

        RowBuilder billableUnits(int value) {
            billableUnits = value;
            return this;
        }

        RowBuilder createdAt(LocalDateTime value) {
            createdAt = value;
            return this;
        }

        RowBuilder sentAt(LocalDateTime value) {
            sentAt = value;
            return this;
        }

        RowBuilder updatedAt(LocalDateTime value) {
            updatedAt = value;
            return this;
        }

        RowBuilder reference(String value) {
            reference = value;
            return this;
        }

        NotificationRow build() {
            UUID template = switch (type) {
                case EMAIL -> service.emailTemplate();
                case SMS -> service.smsTemplate();
                case LETTER -> service.letterTemplate();
            };
            String to = switch (type) {
                case EMAIL -> "guard@example.com";
                case SMS -> "07700900123";
                case LETTER -> "A Person\n1 Street\nSW1A 1AA";
            };
            return new NotificationRow(UUID.randomUUID(), to, to.toLowerCase(), null, null, service.id(), template, 1,
                    null, keyType, billableUnits, type, createdAt, sentAt, null, updatedAt, status, reference, null,
                    null, null, type == NotificationType.LETTER ? "second" : null, null, false, null, null, null);
        }
    }
}
