package org.notifyhub.scheduling;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.queues.DeliveryQueues;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.queues.LetterPdfTask;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * replay-created-notifications: an email or SMS still {@code created} long after the API accepted it was never
 * queued (or its message was lost), so it is queued again. The claim in deliver-* keeps a replay from sending twice.
 * Letters the same way (§4.6): a templated letter still without its PDF gets get-pdf-for-templated-letter again, and a
 * precompiled one still in {@code pending-virus-check} its scan; both tasks do nothing to a letter that moved on.
 */
@Component
public class ReplayCreatedNotificationsJob {

    private static final Logger log = LoggerFactory.getLogger(ReplayCreatedNotificationsJob.class);

    private final NotificationRepository notifications;
    private final Clock clock;
    private final int olderThanMinutes;
    private final int batchSize;
    private final DeliveryQueues queues;
    private final int abandonedClaimMinutes;
    private final String letterPdfQueue;
    private final String letterScanQueue;

    public ReplayCreatedNotificationsJob(NotificationRepository notifications, Clock clock,
                                         @Value("${notify.replay-created-notifications.older-than-minutes}") int olderThanMinutes,
                                         @Value("${notify.replay-created-notifications.batch-size}") int batchSize,
                                         DeliveryQueues queues,
                                         @Value("${notify.delivery.abandoned-claim-minutes}") int abandonedClaimMinutes,
                                         QueueNames queueNames) {
        this.notifications = notifications;
        this.clock = clock;
        this.olderThanMinutes = olderThanMinutes;
        this.batchSize = batchSize;
        this.queues = queues;
        this.abandonedClaimMinutes = abandonedClaimMinutes;
        this.letterPdfQueue = queueNames.createLettersPdfTasks();
        this.letterScanQueue = queueNames.letterTasks();
    }

    /** Each task (a {@link DeliveryTask} or a {@link LetterPdfTask}) for the queue it belongs on. */
    public List<Outgoing> findStuck() {
        int released = notifications.releaseAbandonedClaims(LocalDateTime.now(clock).minusMinutes(abandonedClaimMinutes));
        if (released > 0) {
            log.warn("Released {} send(s) claimed but never sent; they will be replayed", released);
        }
        LocalDateTime cutOff = LocalDateTime.now(clock).minusMinutes(olderThanMinutes);
        List<Outgoing> replays = new ArrayList<>();
        notifications.findCreatedBefore(cutOff, batchSize).forEach(row -> replays.add(Outgoing.now(
                queues.forSend(row.notificationType(), row.keyType()), DeliveryTask.first(row.id(), row.notificationType()))));
        notifications.findAwaitingPdfSince(cutOff, batchSize)
                .forEach(id -> replays.add(Outgoing.now(letterPdfQueue, new LetterPdfTask(id))));
        notifications.findAwaitingScanSince(cutOff, batchSize)
                .forEach(id -> replays.add(Outgoing.now(letterScanQueue, new LetterPdfTask(id))));
        if (!replays.isEmpty()) {
            log.warn("Replaying {} notification(s) still created since before {}", replays.size(), cutOff);
        }
        return replays;
    }
}
