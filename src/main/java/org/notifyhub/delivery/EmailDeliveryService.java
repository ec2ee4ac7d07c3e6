package org.notifyhub.delivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.camel.Body;
import org.notifyhub.notifications.DeliveryTask;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.services.ApiKey;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.templates.RenderedEmail;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * deliver-email: claim, render, send, record. No connection or transaction is held while the provider works:
 * each repository call is its own short statement.
 */
@Component
public class EmailDeliveryService {

    private static final Logger log = LoggerFactory.getLogger(EmailDeliveryService.class);

    private final NotificationRepository notifications;
    private final TemplateRepository templates;
    private final ServiceRepository services;
    private final NotificationContent content;
    private final EmailProvider provider;
    private final EmailProvider simulator;
    private final Clock clock;
    private final String emailDomain;

    public EmailDeliveryService(NotificationRepository notifications, TemplateRepository templates,
                                ServiceRepository services, NotificationContent content, EmailProvider provider,
                                SimulatedEmailProvider simulator, Clock clock,
                                @Value("${notify.email-domain}") String emailDomain) {
        this.notifications = notifications;
        this.templates = templates;
        this.services = services;
        this.content = content;
        this.provider = provider;
        this.simulator = simulator;
        this.clock = clock;
        this.emailDomain = emailDomain;
    }

    public void deliver(@Body DeliveryTask task) {
        Optional<NotificationRow> claimed = notifications.claimForSending(task.notificationId(), LocalDateTime.now(clock));
        if (claimed.isEmpty()) {
            log.info("Notification {} is not waiting to be sent; ignoring a duplicate or late delivery task",
                    task.notificationId());
            return;
        }
        NotificationRow row = claimed.get();
        Service service = services.find(row.serviceId()).orElseThrow();
        StoredTemplate template = templates.findVersion(row.serviceId(), row.templateId(), row.templateVersion()).orElseThrow();
        RenderedEmail email = content.email(template, content.decryptPersonalisation(row.encryptedPersonalisation()));
        String from = "\"" + service.name() + "\" <" + service.emailFrom() + "@" + emailDomain + ">";
        // Test keys never reach a real provider: the simulator fakes the send and its receipt.
        EmailProvider chosen = ApiKey.TEST.equals(row.keyType()) ? simulator : provider;
        String messageId = chosen.send(new EmailMessage(row.id(), from, row.to(), row.replyToText(), email.subject(),
                email.plainTextBody(), email.html()));
        notifications.recordSent(row.id(), messageId, chosen.name(), LocalDateTime.now(clock));
    }
}
