package org.notifyhub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.apache.camel.Body;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.queues.RetryEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * retry-tasks: a due send goes back to its queue; one not yet due (SQS delays stop at 900 s) hops onto
 * retry-tasks again for what remains. Nothing sleeps and no message is held past its visibility timeout.
 * A due re-check after an unanswered provider call sends again only when no receipt has settled the notification;
 * each re-check is counted as delivery.unanswered.rechecks with outcome resent or settled.
 */
@Component
public class RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(RetryScheduler.class);

    private final Clock clock;
    private final String retryQueue;
    private final NotificationRepository notifications;
    private final MeterRegistry registry;
    private final Duration recheckAfter;

    public RetryScheduler(Clock clock, QueueNames queues, NotificationRepository notifications, MeterRegistry registry,
                          @Value("${notify.delivery.ambiguous-retry-after}") Duration recheckAfter) {
        this.clock = clock;
        this.retryQueue = queues.retryTasks();
        this.notifications = notifications;
        this.registry = registry;
        this.recheckAfter = recheckAfter;
    }

    public Outgoing next(@Body RetryEnvelope envelope) {
        long remainingMillis = envelope.dueAt() - clock.millis();
        if (remainingMillis <= 0) {
            if (envelope.recheck()) {
                recheck(envelope);
            }
            // A settled notification's task claims nothing and sends nothing (SendClaims).
            return Outgoing.now(envelope.queue(), envelope.task());
        }
        long remainingSeconds = (remainingMillis + 999) / 1000;
        return new Outgoing(retryQueue, envelope, (int) Math.min(remainingSeconds, Outgoing.MAX_SQS_DELAY_SECONDS));
    }

    private void recheck(RetryEnvelope envelope) {
        // Only the call that went unanswered (started before the re-check was scheduled), never a later send's call
        // in flight now, should this re-check arrive twice.
        LocalDateTime scheduledAt = LocalDateTime.ofInstant(Instant.ofEpochMilli(envelope.dueAt()).minus(recheckAfter), clock.getZone());
        boolean resend = notifications.releaseUnansweredCall(envelope.task().notificationId(), scheduledAt,
                LocalDateTime.now(clock));
        if (resend) {
            log.warn("No receipt for {} since its unanswered provider call; sending it again", envelope.task().notificationId());
        } else {
            log.info("Notification {} was settled after its unanswered provider call; not sent again",
                    envelope.task().notificationId());
        }
        registry.counter("delivery.unanswered.rechecks", "outcome", resend ? "resent" : "settled").increment();
    }
}
