package org.notifyhub.queues;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.notifyhub.common.ExpiringCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * What an operator alerts on, per queue: messages waiting (visible), being worked on (in flight) and delayed (retries
 * waiting their turn), and the dead letters. One GetQueueAttributes per queue, read when Prometheus scrapes and at most
 * once per notify.metrics.refresh; a queue not created yet holds nothing, and SQS not answering gives no value (NaN).
 */
@Component
public class QueueMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

    record Depth(long visible, long inFlight, long delayed) {
    }

    private final SqsClient sqs;
    private final QueueNames queues;
    // Wall-clock time, not the hub's Clock bean (which tests hold still): this is only how long a reading is reused.
    private final ExpiringCache<String, Depth> readings;

    public QueueMetrics(SqsClient sqs, QueueNames queues, @Value("${notify.metrics.refresh}") Duration refresh) {
        this.sqs = sqs;
        this.queues = queues;
        this.readings = new ExpiringCache<>(refresh, 64, Clock.systemUTC());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : queues.all()) {
            gauge(registry, queue, "visible", Depth::visible);
            gauge(registry, queue, "in_flight", Depth::inFlight);
            gauge(registry, queue, "delayed", Depth::delayed);
        }
        Gauge.builder("notify.dead.letters", this, metrics -> metrics.read(queues.deadLetter(),
                        depth -> depth.visible() + depth.inFlight() + depth.delayed()))
                .description("Messages on the dead-letter queue, waiting for an operator's replay")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String queue, String state, ToLongFunction<Depth> value) {
        Gauge.builder("notify.queue.messages", this, metrics -> metrics.read(queue, value))
                .tag("queue", queue).tag("state", state)
                .description("Approximate number of messages on the queue (SQS ApproximateNumberOfMessages*)")
                .register(registry);
    }

    private double read(String queue, ToLongFunction<Depth> value) {
        Depth depth = readings.get(queue, this::depth);
        return depth == null ? Double.NaN : value.applyAsLong(depth);
    }

    private Depth depth(String queue) {
        try {
            String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            return new Depth(count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        } catch (QueueDoesNotExistException e) {
            return new Depth(0, 0, 0);
        } catch (SqsException | software.amazon.awssdk.core.exception.SdkClientException e) {
            log.warn("Could not read the depth of queue {}: {}", queue, e.getMessage());
            return null;
        }
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        return Long.parseLong(attributes.getOrDefault(name, "0"));
    }
}
