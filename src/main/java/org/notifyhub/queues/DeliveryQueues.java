package org.notifyhub.queues;

import org.notifyhub.services.ApiKey;
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

    public String forSend(String notificationType, String keyType) {
        if (ApiKey.TEST.equals(keyType)) {
            return researchMode;
        }
        return switch (notificationType) {
            case "email" -> email;
            case "sms" -> sms;
            default -> throw new IllegalArgumentException("No send queue for " + notificationType);
        };
    }
}
