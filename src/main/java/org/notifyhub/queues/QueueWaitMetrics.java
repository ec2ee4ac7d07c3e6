package org.notifyhub.queues;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * How long each message waited on its queue before a consumer took it (SQS's SentTimestamp to receipt), per queue, as
 * the timer notify.queue.wait. Its max over the last couple of minutes is the age of the oldest message consumers
 * have reached: with a backlog they take the oldest first, so it tracks the age of the queue's oldest message, which
 * SQS itself reports only to CloudWatch. A queue nobody consumes shows no receipts; its depth (QueueMetrics) says why.
 */
@Component
public class QueueWaitMetrics extends EventNotifierSupport {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public QueueWaitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCreatedEvent created && created.getExchange().getFromEndpoint() instanceof Sqs2Endpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeCreatedEvent) event).getExchange();
        String sent = TaskFailures.systemAttribute(exchange.getMessage().getHeader(WireNames.SQS_ATTRIBUTES, Map.class),
                MessageSystemAttributeName.SENT_TIMESTAMP);
        if (sent == null) {
            return;
        }
        long waitedMillis = Math.max(0, System.currentTimeMillis() - Long.parseLong(sent));
        String queue = ((Sqs2Endpoint) exchange.getFromEndpoint()).getConfiguration().getQueueName();
        timers.computeIfAbsent(queue, this::timer).record(Duration.ofMillis(waitedMillis));
    }

    private Timer timer(String queue) {
        return Timer.builder("notify.queue.wait")
                .description("How long a message waited on its queue before a consumer received it (max: the oldest reached)")
                .tag("queue", queue)
                .register(registry);
    }
}
