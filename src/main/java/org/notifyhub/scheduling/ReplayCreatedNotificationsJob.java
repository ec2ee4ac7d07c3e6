package org.notifyhub.scheduling;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.notifyhub.notifications.DeliveryTask;
import org.notifyhub.notifications.NotificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * replay-created-notifications: an email or SMS still {@code created} long after the API accepted it was never
 * queued (or its message was lost), so it is queued again. The claim in deliver-* keeps a replay from sending twice.
 */
@Component
public class ReplayCreatedNotificationsJob {

    private static final Logger log = LoggerFactory.getLogger(ReplayCreatedNotificationsJob.class);

    /** A delivery task and the send queue it belongs on. */
    public record Replay(String queue, DeliveryTask task) {
    }

    private final NotificationRepository notifications;
    private final Clock clock;
    private final int olderThanMinutes;
    private final int batchSize;
    private final String emailQueue;
    private final String smsQueue;

    public ReplayCreatedNotificationsJob(NotificationRepository notifications, Clock clock,
                                         @Value("${notify.replay-created-notifications.older-than-minutes}") int olderThanMinutes,
                                         @Value("${notify.replay-created-notifications.batch-size}") int batchSize,
                                         @Value("${notify.queues.send-email-tasks}") String emailQueue,
                                         @Value("${notify.queues.send-sms-tasks}") String smsQueue) {
        this.notifications = notifications;
        this.clock = clock;
        this.olderThanMinutes = olderThanMinutes;
        this.batchSize = batchSize;
        this.emailQueue = emailQueue;
        this.smsQueue = smsQueue;
    }

    public List<Replay> findStuck() {
        LocalDateTime cutOff = LocalDateTime.now(clock).minusMinutes(olderThanMinutes);
        List<Replay> replays = notifications.findCreatedBefore(cutOff, batchSize).stream()
                .map(row -> new Replay("sms".equals(row.notificationType()) ? smsQueue : emailQueue, new DeliveryTask(row.id())))
                .toList();
        if (!replays.isEmpty()) {
            log.warn("Replaying {} notification(s) still created since before {}", replays.size(), cutOff);
        }
        return replays;
    }
}
