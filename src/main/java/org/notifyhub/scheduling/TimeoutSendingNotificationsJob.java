package org.notifyhub.scheduling;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.servicecallbacks.CallbackMetrics;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * timeout-sending-notifications: emails and text messages still sending or pending long after they were created will
 * get no receipt now, so they become temporary-failure (letters never), batch by batch until none are left, and each
 * service with a delivery-status callback hears of it.
 */
@Component
public class TimeoutSendingNotificationsJob {

    private static final Logger log = LoggerFactory.getLogger(TimeoutSendingNotificationsJob.class);

    private final NotificationRepository notifications;
    private final ServiceCallbacks callbacks;
    private final CallbackMetrics metrics;
    private final Clock clock;
    private final long periodSeconds;
    private final int batchSize;

    public TimeoutSendingNotificationsJob(NotificationRepository notifications, ServiceCallbacks callbacks,
                                          CallbackMetrics metrics, Clock clock,
                                          @Value("${notify.timeout-sending-notifications.period-seconds}") long periodSeconds,
                                          @Value("${notify.timeout-sending-notifications.batch-size}") int batchSize) {
        this.notifications = notifications;
        this.callbacks = callbacks;
        this.metrics = metrics;
        this.clock = clock;
        this.periodSeconds = periodSeconds;
        this.batchSize = batchSize;
    }

    /** Returns how many notifications timed out. */
    public int run() {
        LocalDateTime cutOff = LocalDateTime.now(clock).minusSeconds(periodSeconds);
        int total = 0;
        List<NotificationRow> batch;
        do {
            batch = notifications.timeOutSending(cutOff, LocalDateTime.now(clock), batchSize);
            batch.forEach(row -> metrics.timedOut(row.sentBy()));
            callbacks.queueDeliveryStatuses(batch);
            total += batch.size();
            if (!batch.isEmpty()) {
                log.info("Timeout period reached for {} notifications created before {}; now temporary-failure",
                        batch.size(), cutOff);
            }
        } while (!batch.isEmpty());
        return total;
    }
}
