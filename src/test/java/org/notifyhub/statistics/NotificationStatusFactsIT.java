package org.notifyhub.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notifyhub.notifications.NotificationType.EMAIL;
import static org.notifyhub.notifications.NotificationType.LETTER;
import static org.notifyhub.notifications.NotificationType.SMS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.support.HandClock;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ft_notification_status and ft_processing_time built as Notify builds them, with a fixed clock: London days across
 * the clock changes, purged notifications still counted, and rebuilds that give the same rows every time.
 */
class NotificationStatusFactsIT extends HubIntegrationTest {

    @Autowired
    private ApplicationContext hub;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private FactNotificationStatusRepository facts;

    @Autowired
    private ProcessingTimeRepository processingTimes;

    private SentNotifications sent;
    private TestService service;

    @BeforeEach
    void service() {
        sent = new SentNotifications(hub);
        service = testServices.create(false, List.of("sms", "email", "letter"));
    }

    @Test
    void aMonthAcrossTheSpringClockChangeIsCountedByLondonDayPurgedOrNot() {
        List<UUID> purged = new ArrayList<>();
        purged.add(sent.add(service, SMS, "normal", "delivered", at("2026-03-01T00:00:00")));
        purged.add(sent.add(service, SMS, "normal", "delivered", at("2026-03-10T12:00:00")));
        purged.add(sent.add(service, SMS, "normal", "permanent-failure", at("2026-03-10T13:00:00")));
        purged.add(sent.add(service, SMS, "normal", "delivered", at("2026-03-28T23:30:00")));  // 23:30 GMT, the 28th
        sent.add(service, SMS, "normal", "sending", at("2026-03-29T00:30:00"));                // 00:30 GMT, the 29th
        sent.add(service, SMS, "normal", "delivered", at("2026-03-29T22:59:00"));              // 23:59 BST, the 29th
        sent.add(service, SMS, "normal", "delivered", at("2026-03-29T23:30:00"));              // 00:30 BST, the 30th
        sent.add(service, SMS, "normal", "delivered", at("2026-03-31T22:30:00"));              // 23:30 BST, the 31st
        sent.add(service, SMS, "normal", "delivered", at("2026-03-31T23:30:00"));              // 00:30 BST, 1 April
        sent.add(service, SMS, "normal", "delivered", at("2026-02-28T23:59:00"));              // 28 February
        sent.add(service, SMS, "test", "delivered", at("2026-03-10T12:00:00"));                // test keys never count
        sent.add(service, SMS, "team", "delivered", at("2026-03-10T14:00:00"));
        UUID job = sent.job(service, at("2026-03-15T09:00:00"));
        purged.add(sent.add(service, EMAIL, "normal", "delivered", at("2026-03-15T10:00:00"), job, null));
        sent.add(service, EMAIL, "normal", "delivered", at("2026-03-15T11:00:00"));
        sent.add(service, EMAIL, "normal", "temporary-failure", at("2026-03-29T23:00:00"));    // 00:00 BST, the 30th
        sent.add(service, LETTER, "normal", "created", at("2026-03-20T09:00:00"));
        sent.add(service, LETTER, "normal", "returned-letter", at("2026-03-25T23:59:00"));
        sent.purge(purged);
        assertThat(sent.inNotifications(purged)).as("purged to history").isZero();

        CreateNightlyNotificationStatusJob job1 = new CreateNightlyNotificationStatusJob(facts,
                new HandClock(Instant.parse("2026-04-02T00:30:00Z")));
        buildEveryDay(job1);

        List<String> expected = List.of(
                "2026-02-28 sms normal delivered 1",
                "2026-03-01 sms normal delivered 1",
                "2026-03-10 sms normal delivered 1",
                "2026-03-10 sms normal permanent-failure 1",
                "2026-03-10 sms team delivered 1",
                "2026-03-15 email normal delivered 2",
                "2026-03-20 letter normal created 1",
                "2026-03-25 letter normal returned-letter 1",
                "2026-03-28 sms normal delivered 1",
                "2026-03-29 sms normal delivered 1",
                "2026-03-29 sms normal sending 1",
                "2026-03-30 email normal temporary-failure 1",
                "2026-03-30 sms normal delivered 1",
                "2026-03-31 sms normal delivered 1",
                "2026-04-01 sms normal delivered 1");
        assertThat(summary()).isEqualTo(expected);
        assertThat(facts.rows(LocalDate.parse("2026-03-15"), service.id(), "email"))
                .extracting(FactNotificationStatusRepository.FactRow::jobId)
                .containsExactlyInAnyOrder(job, FactNotificationStatusRepository.NO_JOB);

        List<String> first = allRows();
        buildEveryDay(job1);
        assertThat(allRows()).as("rebuilt: the same rows").isEqualTo(first);
    }

    @Test
    void theNightlyRunRebuildsTheDaysWhoseStatusesMayStillChange() {
        // 00:30 London on 1 April 2026 (23:30 UTC the day before, in summer time): yesterday is 31 March.
        HandClock clock = new HandClock(Instant.parse("2026-03-31T23:30:00Z"));
        CreateNightlyNotificationStatusJob nightly = new CreateNightlyNotificationStatusJob(facts, clock);
        UUID stillSending = sent.add(service, SMS, "normal", "sending", at("2026-03-29T12:00:00"));
        sent.add(service, SMS, "normal", "delivered", at("2026-03-27T12:00:00"));     // 5 days back: texts are done
        sent.add(service, LETTER, "normal", "created", at("2026-03-22T12:00:00"));    // 10 days back: letters are not
        sent.add(service, LETTER, "normal", "created", at("2026-03-21T12:00:00"));    // 11 days back

        nightly.run();
        assertThat(summary()).containsExactly("2026-03-22 letter normal created 1", "2026-03-29 sms normal sending 1");

        sent.setStatus(stillSending, "delivered");
        sent.purge(List.of(stillSending));
        nightly.run();
        List<String> after = allRows();
        assertThat(summary()).as("the sending row is gone, not left beside the delivered one")
                .containsExactly("2026-03-22 letter normal created 1", "2026-03-29 sms normal delivered 1");
        nightly.run();
        assertThat(allRows()).isEqualTo(after);
    }

    @Test
    void processingTimeCountsApiTextsAndEmailsOfTheLongAutumnDay() {
        // 26 October 2025 lasts 25 hours in London: 23:00 UTC on the 25th to midnight UTC on the 27th.
        LocalDate day = LocalDate.parse("2025-10-26");
        List<UUID> purged = new ArrayList<>();
        purged.add(sent.add(service, SMS, "normal", "delivered", at("2025-10-25T23:10:00"), null, at("2025-10-25T23:10:05")));
        sent.add(service, EMAIL, "normal", "delivered", at("2025-10-26T12:00:00"), null, at("2025-10-26T12:00:11"));
        purged.add(sent.add(service, SMS, "team", "delivered", at("2025-10-26T23:30:00"), null, at("2025-10-26T23:30:10")));
        sent.add(service, SMS, "normal", "created", at("2025-10-26T10:00:00"));                  // not sent yet
        sent.add(service, SMS, "normal", "delivered", at("2025-10-25T22:50:00"), null, at("2025-10-25T22:50:01"));
        sent.add(service, SMS, "normal", "delivered", at("2025-10-27T00:10:00"), null, at("2025-10-27T00:10:01"));
        sent.add(service, SMS, "test", "delivered", at("2025-10-26T12:00:00"), null, at("2025-10-26T12:00:01"));
        sent.add(service, LETTER, "normal", "sending", at("2025-10-26T12:00:00"), null, at("2025-10-26T12:00:01"));
        UUID job = sent.job(service, at("2025-10-26T08:00:00"));
        sent.add(service, EMAIL, "normal", "delivered", at("2025-10-26T08:00:00"), job, at("2025-10-26T08:00:01"));
        sent.purge(purged);

        SaveDailyNotificationProcessingTimeJob save = new SaveDailyNotificationProcessingTimeJob(processingTimes,
                new HandClock(Instant.parse("2025-10-27T02:00:00Z")));
        ProcessingTimeRepository.ProcessingTime saved = save.run();

        assertThat(saved).isEqualTo(new ProcessingTimeRepository.ProcessingTime(day, 4, 2));
        assertThat(save.run()).isEqualTo(saved);
        assertThat(processingTimes.find(day)).contains(saved);
    }

    private void buildEveryDay(CreateNightlyNotificationStatusJob job) {
        for (LocalDate day = LocalDate.parse("2026-02-27"); day.isBefore(LocalDate.parse("2026-04-03")); day = day.plusDays(1)) {
            for (NotificationType type : NotificationType.values()) {
                job.forDay(day, type);
            }
        }
    }

    /** The service's facts as "day type key status count", summed over templates and jobs. */
    private List<String> summary() {
        return jdbc.sql("SELECT bst_date, notification_type, key_type, notification_status, sum(notification_count)"
                        + " FROM ft_notification_status WHERE service_id = :service"
                        + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
                .param("service", service.id())
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getLong(5))
                .list();
    }

    private List<String> allRows() {
        return jdbc.sql("SELECT bst_date, template_id, job_id, notification_type, key_type, notification_status,"
                        + " notification_count FROM ft_notification_status WHERE service_id = :service ORDER BY 1, 2, 3, 4, 5, 6")
                .param("service", service.id())
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5) + " " + rs.getString(6) + " " + rs.getLong(7))
                .list();
    }

    private static LocalDateTime at(String utc) {
        return LocalDateTime.parse(utc);
    }
}
