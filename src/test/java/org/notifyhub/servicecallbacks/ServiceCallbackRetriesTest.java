package org.notifyhub.servicecallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.ServiceCallbackTask;
import org.notifyhub.queues.TestQueueNames;
import org.notifyhub.services.CallbackType;

/** The retry decisions: each retry after its delay on the retry queue, none after the last, long waits hop. */
class ServiceCallbackRetriesTest {

    private static final Instant NOW = Instant.parse("2024-03-06T09:00:00Z");
    private static final Exception FAILURE = new RetryableCallbackException("answered 500");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ObjectMapper mapper = new ObjectMapper();
    private final ServiceCallbackRetries retries = new ServiceCallbackRetries(Clock.fixed(NOW, ZoneOffset.UTC),
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofHours(1)), TestQueueNames.unprefixed(),
            new CallbackMetrics(registry), mapper);

    @Test
    void aFailedFirstAttemptWaitsTheFirstDelayOnTheRetryQueue() {
        Outgoing next = retries.retryOrGiveUp(json(task(0, 0)), FAILURE);

        assertThat(next.queue()).isEqualTo("service-callbacks-retry");
        assertThat(next.delaySeconds()).isEqualTo(300);
        ServiceCallbackTask retry = (ServiceCallbackTask) next.payload();
        assertThat(retry.attempt()).isEqualTo(1);
        assertThat(retry.dueAt()).isEqualTo(NOW.plusSeconds(300).toEpochMilli());
        assertThat(retry.encryptedPayload()).isEqualTo("sealed-payload");
    }

    @Test
    void aDelayLongerThanSqsAllowsIsWaitedOutInHops() {
        Outgoing next = retries.retryOrGiveUp(json(task(2, 0)), FAILURE);

        assertThat(next.delaySeconds()).isEqualTo(Outgoing.MAX_SQS_DELAY_SECONDS);
        ServiceCallbackTask waiting = (ServiceCallbackTask) next.payload();
        assertThat(retries.isDue(waiting)).isFalse();
        Outgoing hop = retries.waitLonger(waiting);
        assertThat(hop.delaySeconds()).isEqualTo(Outgoing.MAX_SQS_DELAY_SECONDS);
        assertThat(hop.payload()).isEqualTo(waiting);
    }

    @Test
    void afterTheLastRetryTheCallbackIsDropped() {
        assertThat(retries.retryOrGiveUp(json(task(3, NOW.toEpochMilli())), FAILURE)).isNull();
        assertThat(registry.counter("notify.service.callback", "type", "delivery_status", "outcome", "given-up").count())
                .isEqualTo(1);
    }

    @Test
    void aDueRetryIsSentNow() {
        assertThat(retries.isDue(task(1, NOW.toEpochMilli()))).isTrue();
        assertThat(retries.isDue(task(0, 0))).isTrue();
    }

    @Test
    void anUnreadableMessageIsDropped() {
        assertThat(retries.retryOrGiveUp("not a task", new IllegalStateException("bad json"))).isNull();
    }

    /** The handlers get the message as it came off the queue. */
    private String json(ServiceCallbackTask task) {
        try {
            return mapper.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServiceCallbackTask task(int attempt, long dueAt) {
        return new ServiceCallbackTask(CallbackType.DELIVERY_STATUS, UUID.randomUUID(), UUID.randomUUID(),
                "https://example.com/cb", "sealed-token", "sealed-payload", attempt, dueAt);
    }
}
