package org.notifyhub.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.queues.DeadLetter;
import org.notifyhub.queues.DeliveryQueues;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.queues.RetryEnvelope;
import org.notifyhub.queues.Received;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What happens to a send that failed: back to created and onto retry-tasks after the next delay of the ladder, or,
 * after the last attempt or a refusal for good, technical-failure and the dead-letter queue. The route configuration
 * hands over the message as it came off its queue, and the retry or dead letter names that queue. A call the
 * provider left unanswered is not sent again at once: see {@link #recheckLater}.
 */
@Component
public class DeliveryFailures {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);

    private final NotificationRepository notifications;
    private final DeliveryQueues queues;
    private final Clock clock;
    private final List<Duration> ladder;
    private final Duration recheckAfter;
    private final String retryQueue;
    private final String deadLetterQueue;
    private final ServiceCallbacks callbacks;
    private final ObjectMapper mapper;

    public DeliveryFailures(NotificationRepository notifications, DeliveryQueues queues, Clock clock,
                            @Value("${notify.delivery.retry-delays}") List<Duration> ladder, QueueNames queueNames,
                            ServiceCallbacks callbacks, ObjectMapper mapper,
                            @Value("${notify.delivery.ambiguous-retry-after}") Duration recheckAfter) {
        this.notifications = notifications;
        this.queues = queues;
        this.clock = clock;
        this.ladder = List.copyOf(ladder);
        this.recheckAfter = recheckAfter;
        this.retryQueue = queueNames.retryTasks();
        this.deadLetterQueue = queueNames.deadLetter();
        this.callbacks = callbacks;
        this.mapper = mapper;
    }

    /** A failure a later attempt may not meet: retry after the next delay, or give up after the last. */
    public Outgoing retryOrGiveUp(@Body String message, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure,
                                  Exchange exchange) {
        String fromQueue = Received.queue(exchange);
        DeliveryTask task = read(message);
        if (task == null) {
            return poison(message, fromQueue, failure);
        }
        if (UnansweredCalls.unanswered(failure) && task.attempt() < ladder.size()) {
            return recheckLater(task, fromQueue, failure);
        }
        if (task.attempt() >= ladder.size()) {
            notifications.releaseClaim(task.notificationId());
            return giveUp(task, fromQueue, failure);
        }
        Duration delay = ladder.get(task.attempt());
        notifications.releaseClaim(task.notificationId(), LocalDateTime.now(clock).plus(delay));
        log.warn("Send of {} failed (attempt {}), retrying in {}: {}", task.notificationId(), task.attempt() + 1, delay,
                failure.toString());
        RetryEnvelope envelope = new RetryEnvelope(task.nextAttempt(),
                fromQueue != null ? fromQueue : queues.forSend(task.notificationType(), null),
                clock.instant().plus(delay).toEpochMilli());
        return new Outgoing(retryQueue, envelope, (int) Math.min(delay.toSeconds(), Outgoing.MAX_SQS_DELAY_SECONDS));
    }

    /**
     * The provider may have taken the message and only its answer was lost: no second send now. The notification
     * stays {@code sending} with its call recorded as started; after the time a receipt usually takes, the re-check
     * (RetryScheduler) sends again only if no receipt has moved it on. Firetext, MMG and SES give no way to ask
     * whether they have a message, nor to have a repeated one dropped, so waiting is the only safe course.
     */
    private Outgoing recheckLater(DeliveryTask task, String fromQueue, Exception failure) {
        log.warn("Send of {} went unanswered (attempt {}); the provider may have it, re-checking in {}: {}",
                task.notificationId(), task.attempt() + 1, recheckAfter, failure.toString());
        RetryEnvelope envelope = new RetryEnvelope(task.nextAttempt(),
                fromQueue != null ? fromQueue : queues.forSend(task.notificationType(), null),
                clock.instant().plus(recheckAfter).toEpochMilli(), true);
        return new Outgoing(retryQueue, envelope, (int) Math.min(recheckAfter.toSeconds(), Outgoing.MAX_SQS_DELAY_SECONDS));
    }

    /** A failure no retry can mend (e.g. SES InvalidParameterValue): technical-failure at once. */
    public Outgoing refused(@Body String message, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure,
                            Exchange exchange) {
        String fromQueue = Received.queue(exchange);
        DeliveryTask task = read(message);
        if (task == null) {
            return poison(message, fromQueue, failure);
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

    /** Not a send at all (or a high-volume save that failed): kept whole, to replay to its queue as it was. */
    private Outgoing poison(String message, String fromQueue, Exception failure) {
        log.error("Message from {} kept on the dead-letter queue: {}", fromQueue, message, failure);
        return new Outgoing(deadLetterQueue, new DeadLetter(null, fromQueue, failure.toString(),
                NotifyTime.toWire(clock.instant()), message), 0);
    }

    private DeliveryTask read(String message) {
        try {
            DeliveryTask task = message == null ? null : mapper.readValue(message, DeliveryTask.class);
            return task != null && task.notificationId() != null && task.notificationType() != null ? task : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
