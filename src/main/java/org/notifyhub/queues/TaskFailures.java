package org.notifyhub.queues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
 * succeed (not a task) goes at once. Either way it ends on the dead-letter queue, whole, with its queue's name, so
 * the operator's replay puts it back: no row a service sent is dropped.
 */
@Component
public class TaskFailures {

    /** The exchange property the task routes keep the message in, as it came off the queue. */
    public static final String RAW_TASK = "rawTask";
    private static final Logger log = LoggerFactory.getLogger(TaskFailures.class);

    private final SqsBatches queue;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String deadLetterQueue;
    private final int maxAttempts;

    public TaskFailures(SqsBatches queue, ObjectMapper mapper, Clock clock,
                        @Value("${notify.queues.dead-letter}") String deadLetterQueue,
                        @Value("${notify.tasks.max-attempts}") int maxAttempts) {
        this.queue = queue;
        this.mapper = mapper;
        this.clock = clock;
        this.deadLetterQueue = deadLetterQueue;
        this.maxAttempts = maxAttempts;
    }

    public boolean giveUp(@Header("CamelAwsSqsAttributes") Map<?, String> attributes,
                          @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        return cause instanceof UnreadableTaskException || receiveCount(attributes) >= maxAttempts;
    }

    public void failed(@ExchangeProperty(RAW_TASK) String message, @ExchangeProperty("taskQueue") String taskQueue,
                       @Header("CamelAwsSqsAttributes") Map<?, String> attributes,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        int attempt = receiveCount(attributes);
        if (!giveUp(attributes, cause)) {
            log.warn("Task on {} failed (attempt {} of {}); it will be retried: {}", taskQueue, attempt, maxAttempts,
                    String.valueOf(cause));
            return;
        }
        DeadLetter letter = new DeadLetter(null, taskQueue, String.valueOf(cause),
                NotifyTime.toWire(clock.instant()), message);
        queue.send(deadLetterQueue, List.of(json(letter)));
        log.error("Task on {} failed {} time(s); moved to the dead-letter queue: {}", taskQueue, attempt,
                String.valueOf(cause), cause);
    }

    public static int receiveCount(Map<?, String> attributes) {
        if (attributes == null) {
            return 1;
        }
        String count = attributes.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        if (count == null) {
            count = attributes.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT.toString());
        }
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a dead letter", e);
        }
    }
}
