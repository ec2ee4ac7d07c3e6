package org.notifyhub.queues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.notifyhub.notifications.NotificationRepository;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The operator's view of the dead-letter queue: list what is there, and replay it onto the queues it came from.
 * Reading and deleting use the SQS client; replays are written by the outbox like every other message.
 */
@Component
public class DeadLetters {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final NotificationRepository notifications;
    private final DeliveryQueues queues;
    private final String deadLetterQueue;

    public DeadLetters(SqsClient sqs, Outbox outbox, ObjectMapper mapper, NotificationRepository notifications,
                       DeliveryQueues queues, QueueNames queueNames) {
        this.sqs = sqs;
        this.outbox = outbox;
        this.mapper = mapper;
        this.notifications = notifications;
        this.queues = queues;
        this.deadLetterQueue = queueNames.deadLetter();
    }

    public record Replayed(int replayed, int skipped) {
    }

    /** Up to {@code max} dead letters; they stay on the queue (hidden for a few seconds while read). */
    public List<DeadLetter> list(int max) {
        List<DeadLetter> letters = new ArrayList<>();
        for (Message message : receive(max, 5)) {
            letters.add(read(message));
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl()).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        }
        return letters;
    }

    /**
     * Moves up to {@code max} dead letters back onto the queues they came from, re-opening their notifications. A
     * send dead-lettered before its queue was recorded goes to its channel's send queue.
     */
    public Replayed replay(int max) {
        int replayed = 0;
        int skipped = 0;
        for (Message message : receive(max, 30)) {
            DeadLetter letter = read(message);
            DeliveryTask task = letter.task();
            if (task != null && notifications.reopenTechnicalFailure(task.notificationId())) {
                String target = letter.queue() != null ? letter.queue() : queues.forSend(task.notificationType(), null);
                outbox.send(target, DeliveryTask.first(task.notificationId(), task.notificationType()));
                replayed++;
            } else if (task == null && letter.queue() != null && letter.rawMessage() != null) {
                // a message kept whole (a task, or one no consumer could read): back to its own queue as it was
                outbox.sendText(letter.queue(), letter.rawMessage(), 0);
                replayed++;
            } else {
                skipped++;
            }
            sqs.deleteMessage(r -> r.queueUrl(queueUrl()).receiptHandle(message.receiptHandle()));
        }
        return new Replayed(replayed, skipped);
    }

    private List<Message> receive(int max, int visibilitySeconds) {
        List<Message> messages = new ArrayList<>();
        try {
            while (messages.size() < max) {
                int want = Math.min(BATCH, max - messages.size());
                List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(want)
                        .visibilityTimeout(visibilitySeconds).waitTimeSeconds(0)).messages();
                if (batch.isEmpty()) {
                    break;
                }
                messages.addAll(batch);
            }
        } catch (QueueDoesNotExistException e) {
            return List.of();
        }
        return messages;
    }

    private String queueUrl() {
        return sqs.getQueueUrl(r -> r.queueName(deadLetterQueue)).queueUrl();
    }

    private DeadLetter read(Message message) {
        try {
            return mapper.readValue(message.body(), DeadLetter.class);
        } catch (JsonProcessingException e) {
            return new DeadLetter(null, null, "Unreadable dead letter", null, message.body());
        }
    }
}
