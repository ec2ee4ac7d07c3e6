package org.notifyhub.delivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The first step of every send: the atomic created → sending claim, then what the send needs read in short
 * statements (no transaction stays open for the provider call that follows). Claims whose provider call has not
 * started are held in hand; a node that stops (its grace period over, Camel's in-flight exchanges abandoned) gives
 * them back at once, so their redelivered messages send them instead of waiting for the abandoned-claim release.
 */
@Component
public class SendClaims implements DisposableBean {

    /** A claimed notification with its service, template version and decrypted personalisation. */
    public record Claimed(NotificationRow row, Service service, StoredTemplate template, Map<String, Object> personalisation) {
    }

    private static final Logger log = LoggerFactory.getLogger(SendClaims.class);

    private final NotificationRepository notifications;
    private final TemplateRepository templates;
    private final ServiceRepository services;
    private final NotificationContent content;
    private final Clock clock;
    private final Map<UUID, LocalDateTime> inHand = new ConcurrentHashMap<>();

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
        // as PostgreSQL stores it, so the release on shutdown can name this very claim
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Optional<NotificationRow> claimed = notifications.claimForSending(task.notificationId(), now);
        if (claimed.isEmpty()) {
            log.info("Notification {} is not waiting to be sent; ignoring a duplicate or late delivery task",
                    task.notificationId());
            return Optional.empty();
        }
        NotificationRow row = claimed.get();
        Service service = services.find(row.serviceId()).orElseThrow();
        StoredTemplate template = templates.findVersion(row.serviceId(), row.templateId(), row.templateVersion()).orElseThrow();
        Claimed ready = new Claimed(row, service, template, content.decryptPersonalisation(row.encryptedPersonalisation()));
        inHand.put(row.id(), now);
        return Optional.of(ready);
    }

    /**
     * Marks the claim's provider call as starting (see NotificationRepository.markProviderCallStarting): false when the
     * claim is no longer this send's, and then no call may be made. Either way the claim leaves this node's hand.
     */
    public boolean startProviderCall(UUID id) {
        try {
            return notifications.markProviderCallStarting(id, LocalDateTime.now(clock));
        } finally {
            inHand.remove(id);
        }
    }

    /** A step between claim and call (rendering): if it fails, DeliveryFailures releases or retries the claim. */
    public <T> T beforeCall(UUID id, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            inHand.remove(id);
            throw e;
        }
    }

    /** On shutdown, after Camel has stopped: each claim still in hand, exactly as this node made it, is created again. */
    @Override
    public void destroy() {
        int released = 0;
        for (Map.Entry<UUID, LocalDateTime> claim : inHand.entrySet()) {
            released += notifications.releaseUnstartedClaim(claim.getKey(), claim.getValue()) ? 1 : 0;
        }
        if (released > 0) {
            log.info("Released {} send claim(s) whose provider call had not started", released);
        }
        inHand.clear();
    }
}
