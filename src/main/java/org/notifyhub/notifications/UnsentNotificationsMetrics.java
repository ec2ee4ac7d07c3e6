package org.notifyhub.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.notifyhub.common.ExpiringCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The age of the oldest email and text message accepted and not yet handed to a provider: the hub's own measure of
 * how far behind its send queues are (SQS tells a queue's oldest message's age only through CloudWatch, and peeking at
 * a queue would count as a delivery). Read when scraped, at most once per notify.metrics.refresh; 0 when none waits.
 */
@Component
public class UnsentNotificationsMetrics implements MeterBinder {

    private final NotificationRepository notifications;
    private final Clock clock;
    // Wall-clock time for how long a reading is reused; the hub's Clock for the age, as it stamped created_at.
    private final ExpiringCache<NotificationType, LocalDateTime> oldest;

    public UnsentNotificationsMetrics(NotificationRepository notifications, Clock clock,
                                      @Value("${notify.metrics.refresh}") Duration refresh) {
        this.notifications = notifications;
        this.clock = clock;
        this.oldest = new ExpiringCache<>(refresh, 4, Clock.systemUTC());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (NotificationType type : List.of(NotificationType.EMAIL, NotificationType.SMS)) {
            Gauge.builder("notify.oldest.unsent.seconds", this, metrics -> metrics.ageSeconds(type))
                    .tag("notification_type", type.wireName())
                    .description("Age of the oldest accepted notification still waiting to be sent (status created)")
                    .register(registry);
        }
    }

    private double ageSeconds(NotificationType type) {
        // Nothing waiting is cached as the far future, so the age reads 0 until the next reading.
        LocalDateTime since = oldest.get(type, key -> notifications.oldestCreatedAt(key).orElse(LocalDateTime.MAX));
        if (since.equals(LocalDateTime.MAX)) {
            return 0;
        }
        return Math.max(0, Duration.between(since, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))).toMillis() / 1000.0);
    }
}
