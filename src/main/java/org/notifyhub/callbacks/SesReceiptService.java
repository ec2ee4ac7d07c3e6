package org.notifyhub.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.apache.camel.Body;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** process-ses-result: an SES event (in its SNS envelope) becomes a status change. */
@Component
public class SesReceiptService {

    private static final Logger log = LoggerFactory.getLogger(SesReceiptService.class);
    private static final Set<NotificationStatus> UPDATABLE = EnumSet.of(NotificationStatus.SENDING, NotificationStatus.PENDING);

    private final ObjectMapper mapper;
    private final NotificationRepository notifications;
    private final Clock clock;

    public SesReceiptService(ObjectMapper mapper, NotificationRepository notifications, Clock clock) {
        this.mapper = mapper;
        this.notifications = notifications;
        this.clock = clock;
    }

    public void process(@Body String snsEnvelope) throws JsonProcessingException {
        JsonNode envelope = mapper.readTree(snsEnvelope);
        JsonNode event = envelope.has("Message") ? mapper.readTree(envelope.get("Message").asText()) : envelope;
        String messageId = event.path("mail").path("messageId").asText();
        String type = event.path("notificationType").asText();
        NotificationStatus status = switch (type) {
            case "Delivery" -> NotificationStatus.DELIVERED;
            case "Bounce" -> "Permanent".equals(event.path("bounce").path("bounceType").asText())
                    ? NotificationStatus.PERMANENT_FAILURE : NotificationStatus.TEMPORARY_FAILURE;
            default -> null;
        };
        if (status == null) {
            log.info("SES {} event for message {} changes no status", type, messageId);
            return;
        }
        boolean updated = notifications.updateStatusByReference(messageId, status, UPDATABLE, LocalDateTime.now(clock))
                .isPresent();
        if (!updated) {
            log.info("SES {} for message {} ignored: no notification is waiting for it", type, messageId);
        }
    }
}
