package org.notifyhub.delivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.camel.Body;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.services.Service;
import org.notifyhub.templates.RenderedEmail;
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
    private final SendClaims claims;
    private final NotificationContent content;
    private final EmailProvider provider;
    private final EmailProvider simulator;
    private final Clock clock;
    private final String emailDomain;

    public EmailDeliveryService(NotificationRepository notifications, SendClaims claims, NotificationContent content,
                                EmailProvider provider,
                                SimulatedEmailProvider simulator, Clock clock,
                                @Value("${notify.email-domain}") String emailDomain) {
        this.notifications = notifications;
        this.claims = claims;
        this.content = content;
        this.provider = provider;
        this.simulator = simulator;
        this.clock = clock;
        this.emailDomain = emailDomain;
    }

    public void deliver(@Body DeliveryTask task) {
        Optional<SendClaims.Claimed> claimed = claims.claim(task);
        if (claimed.isEmpty()) {
            return;
        }
        NotificationRow row = claimed.get().row();
        Service service = claimed.get().service();
        RenderedEmail email = claims.beforeCall(row.id(),
                () -> content.email(claimed.get().template(), claimed.get().personalisation()));
        String from = "\"" + service.name() + "\" <" + service.emailFrom() + "@" + emailDomain + ">";
        // Test keys never reach a real provider: the simulator fakes the send and its receipt.
        EmailProvider chosen = row.keyType() == KeyType.TEST ? simulator : provider;
        if (!claims.startProviderCall(row.id())) {
            log.info("Email no longer claimed by this send; not sent");
            return;
        }
        String messageId = chosen.send(new EmailMessage(row.id(), from, row.to(), row.replyToText(), email.subject(),
                email.plainTextBody(), email.html(), row.unsubscribeLink()));
        notifications.recordSent(row.id(), messageId, chosen.name(), LocalDateTime.now(clock));
        // the notification id is in the log line's MDC (common/MessageMdc)
        log.info("Email sent to provider {}", chosen.name());
    }
}
