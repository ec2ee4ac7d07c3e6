package org.notifyhub.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.notifyhub.common.LondonDays;
import org.notifyhub.notifications.NotificationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * create-nightly-notification-status (00:30 London, after timeout-sending-notifications): rebuilds ft_notification_status
 * for the days whose statuses may still have changed, as Notify: texts and emails for the last 4 days (they time out
 * after 3), letters for the last 10, each day per service and type in a transaction of its own.
 */
@Component
public class CreateNightlyNotificationStatusJob {

    private static final Logger log = LoggerFactory.getLogger(CreateNightlyNotificationStatusJob.class);

    static final int TEXT_AND_EMAIL_DAYS = 4;
    static final int LETTER_DAYS = 10;

    private final FactNotificationStatusRepository facts;
    private final Clock clock;

    public CreateNightlyNotificationStatusJob(FactNotificationStatusRepository facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    /** Returns how many fact rows were written. */
    public int run() {
        LocalDate yesterday = LondonDays.today(clock).minusDays(1);
        int rows = 0;
        for (NotificationType type : NotificationType.values()) {
            int days = type == NotificationType.LETTER ? LETTER_DAYS : TEXT_AND_EMAIL_DAYS;
            for (int i = 0; i < days; i++) {
                rows += forDay(yesterday.minusDays(i), type);
            }
        }
        return rows;
    }

    /** One London day of one type, every service that had such notifications (or facts) that day. */
    public int forDay(LocalDate day, NotificationType type) {
        int rows = 0;
        for (var serviceId : facts.servicesWithNotifications(day, type.wireName())) {
            int written = facts.rebuild(day, serviceId, type.wireName(), LocalDateTime.now(clock));
            log.info("create-nightly-notification-status-for-service-and-day for {}, {} for {}: {} rows",
                    serviceId, type.wireName(), day, written);
            rows += written;
        }
        return rows;
    }
}
