package org.notifyhub.queues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.notifyhub.notifications.NotificationRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The operator's view of the dead-letter queue: list what is there, and replay it onto the send queues. */
@Component
public class DeadLetters {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final ObjectMapper mapper;
    private final NotificationRepository notifications;
    private final DeliveryQueues queues;
    private final String deadLetterQueue;

    public DeadLetters(SqsClient sqs, ObjectMapper mapper, NotificationRepository notifications, DeliveryQueues queues,
                       @Value("${notify.queues.dead-letter}") String deadLetterQueue) {
        this.sqs = sqs;
        this.mapper = mapper;
        this.notifications = notifications;
        this.queues = queues;
        this.deadLetterQueue = deadLetterQueue;
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

    /** Moves up to {@code max} dead letters back onto their send queues, re-opening their notifications. */
    public Replayed replay(int max) {
        int replayed = 0;
        int skipped = 0;
        for (Message message : receive(max, 30)) {
            DeadLetter letter = read(message);
            DeliveryTask task = letter.task();
            if (task != null && notifications.reopenTechnicalFailure(task.notificationId())) {
                String body = json(DeliveryTask.first(task.notificationId(), task.notificationType()));
                String target = sqs.getQueueUrl(r -> r.queueName(queues.forSend(task.notificationType(), null))).queueUrl();
                sqs.sendMessage(r -> r.queueUrl(target).messageBody(body));
                replayed++;
            } else if (task == null && letter.queue() != null && letter.rawMessage() != null) {
                // a database or job task, kept whole: it goes back to its own queue as it was
                String target = sqs.getQueueUrl(r -> r.queueName(letter.queue())).queueUrl();
                sqs.sendMessage(r -> r.queueUrl(target).messageBody(letter.rawMessage()));
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

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
