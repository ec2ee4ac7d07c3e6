package org.notifyhub.api.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.notifyhub.common.Encryption;
import org.notifyhub.limits.DailyLimits;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.queues.DeliveryQueues;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.services.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The opt-in high-volume path (§8.7): for the services listed in notify.high-volume-services, the API puts an
 * encrypted save task on save-api-{email,sms}-tasks instead of writing the row, and a worker saves it (a second
 * delivery of the same task is a no-op) and queues the send. If the queue refuses, the API saves as usual.
 */
@Component
public class HighVolumeSaves {

    private static final Logger log = LoggerFactory.getLogger(HighVolumeSaves.class);

    private final Set<UUID> services;
    private final ObjectMapper mapper;
    private final Encryption encryption;
    private final DailyLimits dailyLimits;
    private final NotificationRepository notifications;
    private final DeliveryQueues queues;
    private final Outbox outbox;
    private final String emailQueue;
    private final String smsQueue;

    public HighVolumeSaves(@Value("${notify.high-volume-services:}") String services, ObjectMapper mapper,
                           Encryption encryption, DailyLimits dailyLimits, NotificationRepository notifications,
                           DeliveryQueues queues, Outbox outbox, QueueNames queueNames) {
        this.services = Arrays.stream(services.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
        this.mapper = mapper;
        this.encryption = encryption;
        this.dailyLimits = dailyLimits;
        this.notifications = notifications;
        this.queues = queues;
        this.outbox = outbox;
        this.emailQueue = queueNames.saveApiEmailTasks();
        this.smsQueue = queueNames.saveApiSmsTasks();
    }

    public boolean covers(Service service, KeyType keyType) {
        return keyType == KeyType.NORMAL && services.contains(service.id());
    }

    /**
     * Counts the notification against the daily limits and queues its save. Returns false when the queue refused it
     * and the row was saved here instead, so the caller queues the send itself.
     */
    public boolean queueSave(NotificationRow row, Service service, boolean internationalSms) {
        DailyLimits.Taken taken = dailyLimits.take(service, row.keyType().wireName(), row.notificationType().wireName(),
                internationalSms, row.createdAt().toLocalDate());
        String queue = row.notificationType() == NotificationType.SMS ? smsQueue : emailQueue;
        try {
            outbox.sendText(queue, encryption.encrypt(json(row)), 0);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not queue the save of {} ({}); saving it now instead", row.id(), e.getMessage());
        }
        try {
            notifications.insert(row);
        } catch (RuntimeException e) {
            taken.giveBack();
            throw e;
        }
        return false;
    }

    /** The worker's half: saves the row unless an earlier delivery of this task already did, then queues the send. */
    public Outgoing save(@Body String encryptedRow) throws JsonProcessingException {
        NotificationRow row = mapper.readValue(encryption.decrypt(encryptedRow), NotificationRow.class);
        if (!notifications.insertIfAbsent(row)) {
            log.info("Notification {} was already saved; ignoring a repeated save task", row.id());
            return null;
        }
        return Outgoing.now(queues.forSend(row.notificationType(), row.keyType()),
                DeliveryTask.first(row.id(), row.notificationType()));
    }

    private String json(NotificationRow row) {
        try {
            return mapper.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
