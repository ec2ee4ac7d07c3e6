package org.notifyhub.queues;

import java.time.Clock;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.notifyhub.common.NotifyTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Failed database-tasks and job-tasks messages: a failure leaves the message on its queue, to come back after the
 * visibility timeout, until it has been received {@code notify.tasks.max-attempts} times; a message that can never
 * succeed (not a task) goes at once. Either way it ends on the dead-letter queue, whole (the route configuration
 * hands over the original message), with its queue's name, so the operator's replay puts it back: no row a service
 * sent is dropped.
 */
@Component
public class TaskFailures {

    private static final Logger log = LoggerFactory.getLogger(TaskFailures.class);

    private final Clock clock;
    private final String deadLetterQueue;
    private final int maxAttempts;

    public TaskFailures(Clock clock, QueueNames queues, @Value("${notify.tasks.max-attempts}") int maxAttempts) {
        this.clock = clock;
        this.deadLetterQueue = queues.deadLetter();
        this.maxAttempts = maxAttempts;
    }

    public boolean giveUp(@Header(WireNames.SQS_ATTRIBUTES) Map<?, String> attributes,
                          @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        return cause instanceof UnreadableTaskException || receiveCount(attributes) >= maxAttempts;
    }

    /** The dead letter to queue once the task is given up, or null while it will come back on its own queue. */
    public Outgoing failed(@Body String message, @Header(WireNames.SQS_ATTRIBUTES) Map<?, String> attributes,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause, Exchange exchange) {
        String taskQueue = Received.queue(exchange);
        int attempt = receiveCount(attributes);
        if (!giveUp(attributes, cause)) {
            log.warn("Task on {} failed (attempt {} of {}); it will be retried: {}", taskQueue, attempt, maxAttempts,
                    String.valueOf(cause));
            return null;
        }
        log.error("Task on {} failed {} time(s); it goes to the dead-letter queue: {}", taskQueue, attempt,
                String.valueOf(cause), cause);
        return Outgoing.now(deadLetterQueue, new DeadLetter(null, taskQueue, String.valueOf(cause),
                NotifyTime.toWire(clock.instant()), message));
    }

    public static int receiveCount(Map<?, String> attributes) {
        String count = systemAttribute(attributes, MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * A system attribute of a consumed message, from Camel's SQS attributes header: keyed by the SDK's enum, or by its
     * name where a message was put together by hand; null when absent.
     */
    static String systemAttribute(Map<?, ?> attributes, MessageSystemAttributeName name) {
        if (attributes == null) {
            return null;
        }
        Object value = attributes.get(name);
        if (value == null) {
            value = attributes.get(name.toString());
        }
        return value == null ? null : value.toString();
    }
}
