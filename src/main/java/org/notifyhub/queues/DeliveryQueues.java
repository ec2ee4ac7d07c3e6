package org.notifyhub.queues;

import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationType;
import org.springframework.stereotype.Component;

/** Which queue a send goes on: test keys' to research-mode-tasks, the rest to their channel's send queue. */
@Component
public class DeliveryQueues {

    private final QueueNames queues;

    public DeliveryQueues(QueueNames queues) {
        this.queues = queues;
    }

    /** {@code keyType} may be null (a retry): it then goes to its channel's queue. */
    public String forSend(NotificationType notificationType, KeyType keyType) {
        if (keyType == KeyType.TEST) {
            return queues.researchModeTasks();
        }
        return switch (notificationType) {
            case EMAIL -> queues.sendEmailTasks();
            case SMS -> queues.sendSmsTasks();
            case LETTER -> throw new IllegalArgumentException("No send queue for " + notificationType);
        };
    }
}
