package org.notifyhub.queues;

import org.notifyhub.services.ApiKey;
import org.springframework.stereotype.Component;

/** Which queue a send goes on: test keys' to research-mode-tasks, the rest to their channel's send queue. */
@Component
public class DeliveryQueues {

    private final QueueNames queues;

    public DeliveryQueues(QueueNames queues) {
        this.queues = queues;
    }

    public String forSend(String notificationType, String keyType) {
        if (ApiKey.TEST.equals(keyType)) {
            return queues.researchModeTasks();
        }
        return switch (notificationType) {
            case "email" -> queues.sendEmailTasks();
            case "sms" -> queues.sendSmsTasks();
            default -> throw new IllegalArgumentException("No send queue for " + notificationType);
        };
    }
}
