package org.notifyhub.letters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.queues.LetterPdfTask;
import org.notifyhub.queues.Received;
import org.notifyhub.queues.TaskFailures;
import org.notifyhub.queues.WireNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A failed letter task is left on its queue and comes back after the visibility timeout (Notify's 300 s retry);
 * after {@code notify.letter-pdfs.max-attempts} receipts the letter becomes {@code technical-failure} and the
 * message is dropped. A message that is not a task at all is dropped at once. The route configuration hands over the
 * message as it came off the queue.
 */
@Component
public class LetterTaskFailures {

    private static final Logger log = LoggerFactory.getLogger(LetterTaskFailures.class);

    private final NotificationRepository notifications;
    private final Clock clock;
    private final int maxAttempts;
    private final ObjectMapper mapper;

    public LetterTaskFailures(NotificationRepository notifications, Clock clock,
                              @Value("${notify.letter-pdfs.max-attempts}") int maxAttempts, ObjectMapper mapper) {
        this.notifications = notifications;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.mapper = mapper;
    }

    /**
     * Whether to stop retrying: the last allowed attempt failed, or the message could not be read as a task. Camel
     * decides this before it restores the original message, so the task is read from that explicitly.
     */
    public boolean giveUp(Exchange exchange, @Header(WireNames.SQS_ATTRIBUTES) Map<?, String> attributes) {
        return read(Received.body(exchange)) == null || receiveCount(attributes) >= maxAttempts;
    }

    public void failed(@Body String message, @Header(WireNames.SQS_ATTRIBUTES) Map<?, String> attributes,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        LetterPdfTask task = read(message);
        int attempt = receiveCount(attributes);
        if (task == null) {
            log.error("Dropping a letter task that is not {\"notification_id\": ...}: {}", String.valueOf(cause));
        } else if (attempt >= maxAttempts) {
            boolean failed = notifications.markLetterTechnicalFailure(task.notificationId(), LocalDateTime.now(clock));
            log.error("Letter {} failed {} times; {}: {}", task.notificationId(), attempt,
                    failed ? "now technical-failure" : "it had already moved on", String.valueOf(cause), cause);
        } else {
            log.warn("Letter {} task failed (attempt {} of {}), it will be retried: {}", task.notificationId(), attempt,
                    maxAttempts, String.valueOf(cause));
        }
    }

    static int receiveCount(Map<?, String> attributes) {
        return TaskFailures.receiveCount(attributes);
    }

    private LetterPdfTask read(String message) {
        try {
            LetterPdfTask task = message == null ? null : mapper.readValue(message, LetterPdfTask.class);
            return task == null || task.notificationId() == null ? null : task;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
