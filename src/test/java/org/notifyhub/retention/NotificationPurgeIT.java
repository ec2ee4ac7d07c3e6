package org.notifyhub.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.inbound.InboundSmsRepository;
import org.notifyhub.jobs.JobCsvStore;
import org.notifyhub.jobs.JobRepository;
import org.notifyhub.letters.LetterBuckets;
import org.notifyhub.letters.LetterObjects;
import org.notifyhub.letters.LetterPdfStore;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.notifications.TemplateUsageRepository;
import org.notifyhub.support.HandClock;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * The nightly purge with a hand-set clock, on 2 April 2026 (British Summer Time began on 29 March): a service keeps
 * email 3 days (so from London midnight on 30 March, in BST: 29 March 23:00 UTC) and texts and letters the default
 * 7 days (from London midnight on 26 March, in GMT). Only what is outside each boundary leaves the hot table, for
 * history without personal data; letters' PDFs and received texts go with it.
 */
class NotificationPurgeIT extends HubIntegrationTest {

    private static final HandClock CLOCK = new HandClock(Instant.parse("2026-04-02T10:00:00Z"));
    private static final LocalDateTime EMAIL_KEPT_FROM = LocalDateTime.parse("2026-03-29T23:00:00");
    private static final LocalDateTime DEFAULT_KEPT_FROM = LocalDateTime.parse("2026-03-26T00:00:00");

    @Autowired
    private NotificationRepository notifications;
    @Autowired
    private InboundSmsRepository inbound;
    @Autowired
    private DataRetentionRepository retention;
    @Autowired
    private LetterPdfStore letterPdfs;
    @Autowired
    private LetterBuckets buckets;
    @Autowired
    private LetterObjects objects;
    @Autowired
    private JobRepository jobs;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TemplateUsageRepository templateUsage;
    @Autowired
    private JobCsvStore csvFiles;
    @Autowired
    private ObjectStorage storage;

    private TestService service;

    @BeforeEach
    void service() {
        service = testServices.create(false, List.of("email", "sms", "letter"));
        retention.insert(UUID.randomUUID(), service.id(), NotificationType.EMAIL, 3, LocalDateTime.now());
    }

    @Test
    void exactlyWhatIsOutsideEachBoundaryLeavesWithoutPersonalDataAndTheFilesGoWithIt() {
        NotificationPurge purge = purge(letterPdfs, 1000);
        assertThat(purge.cutOff(3)).isEqualTo(EMAIL_KEPT_FROM);
        assertThat(purge.cutOff(7)).isEqualTo(DEFAULT_KEPT_FROM);
        UUID emailOut = notification(NotificationType.EMAIL, EMAIL_KEPT_FROM.minusNanos(1000), "normal");
        UUID emailIn = notification(NotificationType.EMAIL, EMAIL_KEPT_FROM, "normal");
        UUID smsOut = notification(NotificationType.SMS, DEFAULT_KEPT_FROM.minusNanos(1000), "normal");
        UUID smsIn = notification(NotificationType.SMS, DEFAULT_KEPT_FROM, "normal");
        UUID testKeyOut = notification(NotificationType.SMS, DEFAULT_KEPT_FROM.minusDays(1), "test");
        UUID letterOut = notification(NotificationType.LETTER, DEFAULT_KEPT_FROM.minusHours(1), "normal");
        UUID letterIn = notification(NotificationType.LETTER, DEFAULT_KEPT_FROM.plusHours(1), "normal");
        String letterOutPdf = storePdf(letterOut);
        String letterInPdf = storePdf(letterIn);
        UUID textOut = inboundText(DEFAULT_KEPT_FROM.minusNanos(1000));
        UUID textIn = inboundText(DEFAULT_KEPT_FROM);

        NotificationPurge.Purged purged = purge.service(service.id());

        assertThat(purged.notifications()).containsEntry(NotificationType.EMAIL, 1)
                .containsEntry(NotificationType.SMS, 2).containsEntry(NotificationType.LETTER, 1);
        assertThat(purged.inboundSms()).isEqualTo(1);
        assertThat(inHotTable()).containsExactlyInAnyOrder(emailIn, smsIn, letterIn);
        assertThat(inHistory()).containsExactlyInAnyOrder(emailOut, smsOut, letterOut);
        assertThat(jdbc.sql("SELECT client_reference, notification_status FROM notification_history WHERE id = :id")
                .param("id", smsOut).query().singleRow()).containsEntry("notification_status", "delivered")
                .containsEntry("client_reference", "purge-test");
        assertThat(objects.keys(buckets.lookup(row(letterIn)).bucket(), letterInPdf)).containsExactly(letterInPdf);
        assertThat(objects.keys(buckets.lookup(row(letterIn)).bucket(), letterOutPdf)).isEmpty();
        assertThat(jdbc.sql("SELECT id FROM inbound_sms WHERE service_id = :s").param("s", service.id())
                .query(UUID.class).list()).containsExactly(textIn);
        assertThat(List.of(textOut, testKeyOut)).doesNotContainAnyElementsOf(inHistory());

        // run again: nothing more to do, nothing changes
        NotificationPurge.Purged again = purge.service(service.id());
        assertThat(again.notifications().values()).containsOnly(0);
        assertThat(inHotTable()).containsExactlyInAnyOrder(emailIn, smsIn, letterIn);
    }

    @Test
    void templateStatisticsAndLastUsedAnswerTheSameBeforeAndAfterThePurge() {
        // emails past the 3-day retention but within the 7 days template statistics look back over
        notification(NotificationType.EMAIL, EMAIL_KEPT_FROM.minusDays(1), "normal");
        notification(NotificationType.EMAIL, EMAIL_KEPT_FROM.minusDays(2), "normal");
        notification(NotificationType.EMAIL, EMAIL_KEPT_FROM.plusHours(3), "normal");
        LocalDateTime weekAgo = LocalDateTime.parse("2026-03-26T00:00:00");
        List<TemplateUsageRepository.TemplateUsage> before = templateUsage.countByTemplateAndStatus(service.id(), weekAgo);
        Optional<LocalDateTime> lastUsedBefore = templateUsage.lastUsed(service.id(), service.emailTemplate());
        assertThat(before).extracting(TemplateUsageRepository.TemplateUsage::count).containsExactly(3L);

        NotificationPurge.Purged purged = purge(letterPdfs, 1000).service(service.id());

        assertThat(purged.notifications()).containsEntry(NotificationType.EMAIL, 2);
        assertThat(templateUsage.countByTemplateAndStatus(service.id(), weekAgo)).isEqualTo(before);
        assertThat(templateUsage.lastUsed(service.id(), service.emailTemplate())).isEqualTo(lastUsedBefore);
    }

    @Test
    void aPurgeCutShortAndRunAgainLeavesEachNotificationExactlyOnceAndAJobsStatisticsUnchanged() {
        UUID job = job();
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            old.add(notification(NotificationType.LETTER, DEFAULT_KEPT_FROM.minusDays(1 + i), "normal", job, i));
        }
        old.forEach(this::storePdf);
        List<JobRepository.StatusCount> before = jobs.statistics(job);
        int[] deletes = {0};
        LetterPdfStore failingOnTheFifth = new LetterPdfStore() {
            @Override
            public byte[] get(NotificationRow letter) {
                return letterPdfs.get(letter);
            }

            @Override
            public int delete(NotificationRow letter) {
                if (++deletes[0] == 5) {
                    throw new IllegalStateException("the node dies here");
                }
                return letterPdfs.delete(letter);
            }
        };

        assertThatThrownBy(() -> purge(failingOnTheFifth, 2).service(service.id())).hasMessage("the node dies here");
        assertThat(inHistory()).hasSize(4); // two batches of two moved before it died
        purge(letterPdfs, 2).service(service.id());

        assertThat(inHistory()).containsExactlyInAnyOrderElementsOf(old);
        assertThat(inHotTable()).isEmpty();
        assertThat(jobs.statistics(job)).isEqualTo(before);
    }

    @Test
    void aJobPastItsRetentionLosesItsFileAndIsArchivedAndARecentOneKeepsBoth() {
        UUID old = job();
        UUID recent = job(DEFAULT_KEPT_FROM.plusHours(1));
        notification(NotificationType.LETTER, DEFAULT_KEPT_FROM.minusDays(2), "normal", old, 0);
        for (UUID job : List.of(old, recent)) {
            storage.put(csvFiles.bucket(), JobCsvStore.key(service.id(), job),
                    "address_line_1,address_line_2,postcode\nA,B,SW1A 1AA\n".getBytes(), "text/csv", Map.of());
        }
        List<JobRepository.StatusCount> before = jobs.statistics(old);
        NotificationPurge notificationPurge = purge(letterPdfs, 1000);

        notificationPurge.service(service.id());
        int archived = new JobFilesPurge(jobs, csvFiles, notificationPurge, CLOCK, 1000).letterJobs();

        assertThat(archived).isPositive();
        assertThat(csvFiles.metadata(service.id(), old)).isEmpty();
        assertThat(csvFiles.metadata(service.id(), recent)).isPresent();
        assertThat(archived(old)).isTrue();
        assertThat(archived(recent)).isFalse();
        assertThat(jobs.statistics(old)).isEqualTo(before).isNotEmpty();
        assertThat(new JobFilesPurge(jobs, csvFiles, notificationPurge, CLOCK, 1000).letterJobs())
                .as("a second run finds nothing").isZero();
    }

    private boolean archived(UUID job) {
        return jdbc.sql("SELECT archived FROM jobs WHERE id = :id").param("id", job).query(Boolean.class).single();
    }

    private NotificationPurge purge(LetterPdfStore pdfs, int batchSize) {
        return new NotificationPurge(notifications, inbound, retention, pdfs, CLOCK, batchSize, Duration.ZERO);
    }

    private UUID notification(NotificationType type, LocalDateTime createdAt, String keyType) {
        return notification(type, createdAt, keyType, null, null);
    }

    private UUID notification(NotificationType type, LocalDateTime createdAt, String keyType, UUID job, Integer row) {
        UUID id = UUID.randomUUID();
        UUID template = switch (type) {
            case SMS -> service.smsTemplate();
            case EMAIL -> service.emailTemplate();
            case LETTER -> service.letterTemplate();
        };
        jdbc.sql("""
                        INSERT INTO notifications (id, "to", normalised_to, service_id, template_id, template_version,
                               key_type, notification_type, created_at, notification_status, reference, client_reference,
                               _personalisation, job_id, job_row_number, postage)
                        VALUES (:id, 'someone', 'someone', :service, :template, 1, :keyType, :type, :createdAt,
                                'delivered', :reference, 'purge-test', 'v2:secret', :job, :row, :postage)""")
                .param("id", id).param("service", service.id()).param("template", template).param("keyType", keyType)
                .param("type", type.wireName()).param("createdAt", createdAt)
                .param("reference", type == NotificationType.LETTER ? dvlaReference(id) : null)
                .param("job", job).param("row", row)
                .param("postage", type == NotificationType.LETTER ? "second" : null)
                .update();
        return id;
    }

    private static String dvlaReference(UUID id) {
        return id.toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    private UUID job() {
        return job(DEFAULT_KEPT_FROM.minusDays(8));
    }

    private UUID job(LocalDateTime createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO jobs (id, original_file_name, service_id, template_id, template_version, created_at,
                                          notification_count, job_status)
                        VALUES (:id, 'old.csv', :service, :template, 1, :createdAt, 7, 'finished')""")
                .param("id", id).param("service", service.id()).param("template", service.letterTemplate())
                .param("createdAt", createdAt).update();
        return id;
    }

    private UUID inboundText(LocalDateTime createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO inbound_sms (id, created_at, service_id, notify_number, user_number, provider, content)
                        VALUES (:id, :createdAt, :service, '07700900000', '447700900111', 'mmg', 'v2:secret')""")
                .param("id", id).param("createdAt", createdAt).param("service", service.id()).update();
        return id;
    }

    private String storePdf(UUID letter) {
        LetterBuckets.Location where = buckets.lookup(row(letter));
        String key = where.key() + ".D.2.C.20260325000000.PDF";
        objects.put(where.bucket(), key, "%PDF-1.4".getBytes(), "application/pdf");
        return key;
    }

    private NotificationRow row(UUID id) {
        return notifications.find(id).orElseThrow();
    }

    private List<UUID> inHotTable() {
        return jdbc.sql("SELECT id FROM notifications WHERE service_id = :s").param("s", service.id()).query(UUID.class).list();
    }

    private List<UUID> inHistory() {
        return jdbc.sql("SELECT id FROM notification_history WHERE service_id = :s").param("s", service.id())
                .query(UUID.class).list();
    }
}
