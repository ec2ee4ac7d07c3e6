package org.notifyhub.scheduling;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.notifyhub.delivery.DeliveryQueues;
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
    private final DeliveryQueues queues;
    private final int abandonedClaimMinutes;

    public ReplayCreatedNotificationsJob(NotificationRepository notifications, Clock clock,
                                         @Value("${notify.replay-created-notifications.older-than-minutes}") int olderThanMinutes,
                                         @Value("${notify.replay-created-notifications.batch-size}") int batchSize,
                                         DeliveryQueues queues,
                                         @Value("${notify.delivery.abandoned-claim-minutes}") int abandonedClaimMinutes) {
        this.notifications = notifications;
        this.clock = clock;
        this.olderThanMinutes = olderThanMinutes;
        this.batchSize = batchSize;
        this.queues = queues;
        this.abandonedClaimMinutes = abandonedClaimMinutes;
    }

    public List<Replay> findStuck() {
        int released = notifications.releaseAbandonedClaims(LocalDateTime.now(clock).minusMinutes(abandonedClaimMinutes));
        if (released > 0) {
            log.warn("Released {} send(s) claimed but never sent; they will be replayed", released);
        }
        LocalDateTime cutOff = LocalDateTime.now(clock).minusMinutes(olderThanMinutes);
        List<Replay> replays = notifications.findCreatedBefore(cutOff, batchSize).stream()
                .map(row -> new Replay(queues.forSend(row.notificationType(), row.keyType()),
                        DeliveryTask.first(row.id(), row.notificationType())))
                .toList();
        if (!replays.isEmpty()) {
            log.warn("Replaying {} notification(s) still created since before {}", replays.size(), cutOff);
        }
        return replays;
    }
}
