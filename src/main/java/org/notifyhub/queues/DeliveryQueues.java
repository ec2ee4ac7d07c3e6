package org.notifyhub.queues;

import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Which queue a send goes on: test keys' to research-mode-tasks, the rest to their channel's send queue. */
@Component
public class DeliveryQueues {

    private final String email;
    private final String sms;
    private final String researchMode;

    public DeliveryQueues(@Value("${notify.queues.send-email-tasks}") String email,
                          @Value("${notify.queues.send-sms-tasks}") String sms,
                          @Value("${notify.queues.research-mode-tasks}") String researchMode) {
        this.email = email;
        this.sms = sms;
        this.researchMode = researchMode;
    }

    /** {@code keyType} may be null (a retry): it then goes to its channel's queue. */
    public String forSend(NotificationType notificationType, KeyType keyType) {
        if (keyType == KeyType.TEST) {
            return researchMode;
        }
        return switch (notificationType) {
            case EMAIL -> email;
            case SMS -> sms;
            case LETTER -> throw new IllegalArgumentException("No send queue for " + notificationType);
        };
    }
}
