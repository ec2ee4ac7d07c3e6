package org.notifyhub.servicecallbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.queues.ServiceCallbackTask;
import org.notifyhub.servicecallbacks.CallbackMetrics.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What happens to a callback that failed. Retryable failures go onto service-callbacks-retry after the next delay
 * (Notify: 5 × 300 s), whose own consumer makes the later attempts, so a service whose server is down only ever
 * fills that queue. After the last attempt, or on a refusal, the callback is logged and dropped, as Notify does.
 * The failure handlers are given the message as it came off the queue.
 */
@Component
public class ServiceCallbackRetries {

    private static final Logger log = LoggerFactory.getLogger(ServiceCallbackRetries.class);

    private final Clock clock;
    private final List<Duration> delays;
    private final String retryQueue;
    private final CallbackMetrics metrics;
    private final ObjectMapper mapper;

    public ServiceCallbackRetries(Clock clock, @Value("${notify.service-callbacks.retry-delays}") List<Duration> delays,
                                  QueueNames queues, CallbackMetrics metrics, ObjectMapper mapper) {
        this.clock = clock;
        this.delays = List.copyOf(delays);
        this.retryQueue = queues.serviceCallbacksRetry();
        this.metrics = metrics;
        this.mapper = mapper;
    }

    /** The next attempt on the retry queue, or null once every retry is spent. */
    public Outgoing retryOrGiveUp(@Body String message, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        ServiceCallbackTask task = read(message);
        if (task == null) {
            failed(message, failure);
            return null;
        }
        if (task.attempt() >= delays.size()) {
            metrics.serviceCallback(task.callbackType(), Outcome.GIVEN_UP);
            log.warn("{} callback for {} to {} has failed {} times; giving up: {}", task.callbackType(), task.subjectId(),
                    task.url(), task.attempt() + 1, failure.getMessage());
            return null;
        }
        Duration delay = delays.get(task.attempt());
        metrics.serviceCallback(task.callbackType(), Outcome.RETRIED);
        log.warn("{} callback for {} to {} failed (attempt {}), retrying in {}: {}", task.callbackType(),
                task.subjectId(), task.url(), task.attempt() + 1, delay, failure.getMessage());
        return waitLonger(task.retryAt(clock.instant().plus(delay).toEpochMilli()));
    }

    /** The service's server refused the callback (a 4xx other than 429): Notify does not retry it. */
    public void rejected(@Body String message, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        ServiceCallbackTask task = read(message);
        if (task == null) {
            failed(message, failure);
            return;
        }
        metrics.serviceCallback(task.callbackType(), Outcome.REJECTED);
        log.warn("{} callback for {} to {} is not retried: {}", task.callbackType(), task.subjectId(), task.url(),
                failure.getMessage());
    }

    /** A message that cannot be sent at all (unreadable, or sealed with another key): logged and dropped. */
    public void failed(@Body String message, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        ServiceCallbackTask task = read(message);
        metrics.serviceCallback(task == null ? null : task.callbackType(), Outcome.FAILED);
        log.error("Service callback dropped: {}", task == null ? message : task.subjectId(), failure);
    }

    public boolean isDue(@Body ServiceCallbackTask task) {
        return task.dueAt() <= clock.millis();
    }

    /** A retry not yet due (SQS delays stop at 900 s) waits on the retry queue again for what remains. */
    public Outgoing waitLonger(@Body ServiceCallbackTask task) {
        long remainingSeconds = Math.max(0, (task.dueAt() - clock.millis() + 999) / 1000);
        return new Outgoing(retryQueue, task, (int) Math.min(remainingSeconds, Outgoing.MAX_SQS_DELAY_SECONDS));
    }

    private ServiceCallbackTask read(String message) {
        try {
            ServiceCallbackTask task = message == null ? null : mapper.readValue(message, ServiceCallbackTask.class);
            return task == null || task.callbackType() == null ? null : task;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
