package org.notifyhub.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.queues.DeadLetter;
import org.notifyhub.queues.DeliveryQueues;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.RetryEnvelope;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What happens to a send that failed: back to created and onto retry-tasks after the next delay of the ladder, or,
 * after the last attempt or a refusal for good, technical-failure and the dead-letter queue.
 */
@Component
public class DeliveryFailures {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);

    private final NotificationRepository notifications;
    private final DeliveryQueues queues;
    private final Clock clock;
    private final List<Duration> ladder;
    private final String retryQueue;
    private final String deadLetterQueue;
    private final ServiceCallbacks callbacks;

    public DeliveryFailures(NotificationRepository notifications, DeliveryQueues queues, Clock clock,
                            @Value("${notify.delivery.retry-delays}") List<Duration> ladder,
                            @Value("${notify.queues.retry-tasks}") String retryQueue,
                            @Value("${notify.queues.dead-letter}") String deadLetterQueue,
                            ServiceCallbacks callbacks) {
        this.notifications = notifications;
        this.queues = queues;
        this.clock = clock;
        this.ladder = List.copyOf(ladder);
        this.retryQueue = retryQueue;
        this.deadLetterQueue = deadLetterQueue;
        this.callbacks = callbacks;
    }

    /** A failure a later attempt may not meet: retry after the next delay, or give up after the last. */
    public Outgoing retryOrGiveUp(@Body Object body, @Header(Exchange.EXCEPTION_CAUGHT) Exception failure,
                                  @Header("CamelAwsSqsQueueName") String fromQueue) {
        if (!(body instanceof DeliveryTask task)) {
            return poison(body, failure);
        }
        notifications.releaseClaim(task.notificationId());
        if (task.attempt() >= ladder.size()) {
            return giveUp(task, fromQueue, failure);
        }
        Duration delay = ladder.get(task.attempt());
        log.warn("Send of {} failed (attempt {}), retrying in {}: {}", task.notificationId(), task.attempt() + 1, delay,
                failure.toString());
        RetryEnvelope envelope = new RetryEnvelope(task.nextAttempt(),
                queues.forSend(task.notificationType(), null),
                clock.instant().plus(delay).toEpochMilli());
        return new Outgoing(retryQueue, envelope, (int) Math.min(delay.toSeconds(), Outgoing.MAX_SQS_DELAY_SECONDS));
    }

    /** A failure no retry can mend (e.g. SES InvalidParameterValue): technical-failure at once. */
    public Outgoing refused(@Body Object body, @Header(Exchange.EXCEPTION_CAUGHT) Exception failure,
                            @Header("CamelAwsSqsQueueName") String fromQueue) {
        if (!(body instanceof DeliveryTask task)) {
            return poison(body, failure);
        }
        return giveUp(task, fromQueue, failure);
    }

    private Outgoing giveUp(DeliveryTask task, String fromQueue, Exception failure) {
        notifications.markTechnicalFailure(task.notificationId(), LocalDateTime.now(clock))
                .ifPresent(callbacks::queueDeliveryStatus);
        log.error("Send of {} failed for good after {} attempt(s); technical-failure, kept on the dead-letter queue",
                task.notificationId(), task.attempt() + 1, failure);
        return new Outgoing(deadLetterQueue, new DeadLetter(task, fromQueue, failure.toString(),
                NotifyTime.toWire(clock.instant()), null), 0);
    }

    private Outgoing poison(Object body, Exception failure) {
        log.error("Unreadable delivery message kept on the dead-letter queue: {}", body, failure);
        return new Outgoing(deadLetterQueue, new DeadLetter(null, null, failure.toString(),
                NotifyTime.toWire(clock.instant()), String.valueOf(body)), 0);
    }
}
