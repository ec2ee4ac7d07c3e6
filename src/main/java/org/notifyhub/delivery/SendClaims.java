package org.notifyhub.delivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first step of every send: the atomic created → sending claim, then what the send needs read in short
 * statements (no transaction stays open for the provider call that follows).
 */
@Component
public class SendClaims {

    /** A claimed notification with its service, template version and decrypted personalisation. */
    public record Claimed(NotificationRow row, Service service, StoredTemplate template, Map<String, Object> personalisation) {
    }

    private static final Logger log = LoggerFactory.getLogger(SendClaims.class);

    private final NotificationRepository notifications;
    private final TemplateRepository templates;
    private final ServiceRepository services;
    private final NotificationContent content;
    private final Clock clock;

    public SendClaims(NotificationRepository notifications, TemplateRepository templates, ServiceRepository services,
                      NotificationContent content, Clock clock) {
        this.notifications = notifications;
        this.templates = templates;
        this.services = services;
        this.content = content;
        this.clock = clock;
    }

    /** Empty when the notification is not waiting to be sent: a duplicate or late task, which sends nothing. */
    public Optional<Claimed> claim(DeliveryTask task) {
        Optional<NotificationRow> claimed = notifications.claimForSending(task.notificationId(), LocalDateTime.now(clock));
        if (claimed.isEmpty()) {
            log.info("Notification {} is not waiting to be sent; ignoring a duplicate or late delivery task",
                    task.notificationId());
            return Optional.empty();
        }
        NotificationRow row = claimed.get();
        Service service = services.find(row.serviceId()).orElseThrow();
        StoredTemplate template = templates.findVersion(row.serviceId(), row.templateId(), row.templateVersion()).orElseThrow();
        return Optional.of(new Claimed(row, service, template, content.decryptPersonalisation(row.encryptedPersonalisation())));
    }
}
