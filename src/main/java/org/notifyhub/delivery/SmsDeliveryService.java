package org.notifyhub.delivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.camel.Body;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.templates.RenderedSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * deliver-sms: claim, render, send, record; no connection is held while the provider works. A failed send gives the
 * claim back (the notification is {@code created} again, with its billable units, as in Notify) and rethrows, so a
 * retry can send it, maybe through the other provider. A call left unanswered (read timeout, reset) keeps its claim:
 * the provider may have the message, and DeliveryFailures waits for a receipt before any second send.
 */
@Component
public class SmsDeliveryService {

    private static final Logger log = LoggerFactory.getLogger(SmsDeliveryService.class);

    private final NotificationRepository notifications;
    private final SendClaims claims;
    private final NotificationContent content;
    private final SmsProviderSelector providers;
    private final SimulatedSmsProvider simulator;
    private final Clock clock;

    public SmsDeliveryService(NotificationRepository notifications, SendClaims claims, NotificationContent content,
                              SmsProviderSelector providers, SimulatedSmsProvider simulator, Clock clock) {
        this.notifications = notifications;
        this.claims = claims;
        this.content = content;
        this.providers = providers;
        this.simulator = simulator;
        this.clock = clock;
    }

    public void deliver(@Body DeliveryTask task) {
        Optional<SendClaims.Claimed> claimed = claims.claim(task);
        if (claimed.isEmpty()) {
            return;
        }
        NotificationRow row = claimed.get().row();
        RenderedSms sms = claims.beforeCall(row.id(),
                () -> content.sms(claimed.get().template(), claimed.get().personalisation(), claimed.get().service()));
        if (!claims.startProviderCall(row.id())) {
            log.info("SMS no longer claimed by this send; not sent");
            return;
        }
        SmsProvider chosen;
        try {
            chosen = send(row, new SmsMessage(row.id(), row.normalisedTo(), sms.body(), row.replyToText(), row.international()));
        } catch (RuntimeException e) {
            // An unanswered call may have reached the provider: the claim stays for the re-check (DeliveryFailures).
            if (!UnansweredCalls.unanswered(e)) {
                notifications.releaseSmsClaim(row.id(), sms.fragmentCount(), LocalDateTime.now(clock));
            }
            throw e;
        }
        notifications.recordSmsSent(row.id(), chosen.name(), sms.fragmentCount(), LocalDateTime.now(clock),
                row.international() ? NotificationStatus.SENT : NotificationStatus.SENDING);
        // the notification id is in the log line's MDC (common/MessageMdc)
        log.info("SMS sent to provider {}", chosen.name());
    }

    private SmsProvider send(NotificationRow row, SmsMessage message) {
        // Test keys never reach a real provider: the simulator fakes the send and its receipts.
        SmsProvider chosen = row.keyType() == KeyType.TEST ? simulator : providers.choose(row.international());
        try {
            chosen.send(message);
        } catch (RuntimeException e) {
            providers.sendFailed(chosen);
            throw e;
        }
        return chosen;
    }
}
