package org.notifyhub.broadcasts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.notifyhub.alerts.Alerts;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.queues.BroadcastTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The broadcast-tasks: send-broadcast-event fans an event out, one send-broadcast-provider-message per operator;
 * each of those checks, before every attempt, that the event may and should go to that operator now, claims the
 * attempt, and calls the operator's first proxy, then its second. When both fail the attempt is queued again after
 * min(2^n, 240) s, for as long as the checks pass: a failing operator never holds up another, nor another event.
 */
@Component
public class BroadcastSender {

    private static final Logger log = LoggerFactory.getLogger(BroadcastSender.class);

    private final BroadcastEventRepository events;
    private final BroadcastProviders providers;
    private final CbcProxy proxy;
    private final Outbox outbox;
    private final QueueNames queues;
    private final Alerts alerts;
    private final Clock clock;
    private final int maxRetryDelaySeconds;
    private final Duration claimLease;
    private final String defaultChannel;

    public BroadcastSender(BroadcastEventRepository events, BroadcastProviders providers, CbcProxy proxy,
                           Outbox outbox, QueueNames queues, Alerts alerts, Clock clock,
                           @Value("${notify.broadcasts.max-retry-delay-seconds}") int maxRetryDelaySeconds,
                           @Value("${notify.broadcasts.claim-lease}") Duration claimLease,
                           @Value("${notify.broadcasts.default-channel}") String defaultChannel) {
        this.events = events;
        this.providers = providers;
        this.proxy = proxy;
        this.outbox = outbox;
        this.queues = queues;
        this.alerts = alerts;
        this.clock = clock;
        this.maxRetryDelaySeconds = maxRetryDelaySeconds;
        this.claimLease = claimLease;
        this.defaultChannel = defaultChannel;
        if (claimLease.toSeconds() <= maxRetryDelaySeconds) {
            throw new IllegalArgumentException("notify.broadcasts.claim-lease must be longer than the longest retry delay");
        }
    }

    /** send-broadcast-event. */
    public void sendEvent(@Body BroadcastTask task) {
        Optional<EventToSend> found = events.findToSend(task.broadcastEventId());
        if (found.isEmpty()) {
            log.error("send-broadcast-event: no broadcast_event {}", task.broadcastEventId());
            return;
        }
        List<BroadcastTask> sends = providers.forService(found.get().allowedProvider()).stream()
                .map(provider -> BroadcastTask.sendTo(task.broadcastEventId(), provider)).toList();
        outbox.sendAll(queues.broadcastTasks(), sends);
    }

    /** send-broadcast-provider-message. */
    public void sendProviderMessage(@Body BroadcastTask task) {
        String provider = task.provider();
        LocalDateTime now = NotifyTime.toUtc(clock.instant());
        EventToSend toSend = events.findToSend(task.broadcastEventId()).orElse(null);
        if (toSend == null) {
            log.error("send-broadcast-provider-message: no broadcast_event {}", task.broadcastEventId());
            return;
        }
        BroadcastEvent event = toSend.event();
        Optional<ProviderMessage> existing = events.providerMessage(event.id(), provider);
        if (existing.isPresent() && existing.get().attempts() > task.retries()
                && !ProviderMessage.SENDING.equals(existing.get().status())) {
            log.info("Broadcast event {} already went to {}: a repeated task is dropped", event.id(), provider);
            return;
        }
        List<ProviderMessage> earlier;
        try {
            checkAuthorised(toSend, provider);
            earlier = checkSequence(event, existing, provider, now);
        } catch (BroadcastIntegrityException refused) {
            log.error(refused.getMessage());
            alerts.raise("broadcast-not-sent", "Broadcast event not sent to " + provider, refused.getMessage());
            return;
        }
        ProviderMessage message = events.providerMessageFor(event.id(), provider,
                CbcPayloads.VODAFONE.equals(provider), now);
        if (!events.claim(message.id(), task.retries(), now, now.minus(claimLease))) {
            log.info("Attempt {} of broadcast_provider_message {} is already taken: a repeated task is dropped",
                    task.retries(), message.id());
            return;
        }
        Map<String, Object> payload = BroadcastEvent.CANCEL.equals(event.messageType())
                ? CbcPayloads.cancel(provider, event, message, earlier)
                : CbcPayloads.alert(provider, event, message,
                        toSend.channel() == null ? defaultChannel : toSend.channel());
        log.info("Invoking cbc proxy to send broadcast_provider_message {} of broadcast_event {} msgType {}",
                message.id(), event.id(), event.messageType());
        if (withFailover(provider, payload)) {
            events.acknowledged(message.id(), NotifyTime.toUtc(clock.instant()));
            return;
        }
        int delay = RetryDelays.after(task.retries(), maxRetryDelaySeconds);
        log.warn("Retrying send_broadcast_provider_message for broadcast event {}, provider message {}, provider {} "
                + "in {} seconds", event.id(), message.id(), provider, delay);
        outbox.send(queues.broadcastTasks(), task.retried(), delay);
    }

    private boolean withFailover(String provider, Map<String, Object> payload) {
        return proxy.invoke(CbcPayloads.lambdaName(provider, 1), payload)
                || proxy.invoke(CbcPayloads.lambdaName(provider, 2), payload);
    }

    /** trigger-link-test: each of the operator's two proxies is tested on its own; a failure alerts operators. */
    public void linkTest(@Body BroadcastTask task) {
        String provider = task.provider();
        for (int which = 1; which <= 2; which++) {
            Long number = CbcPayloads.VODAFONE.equals(provider) ? events.nextMessageNumber() : null;
            String function = CbcPayloads.lambdaName(provider, which);
            if (!proxy.invoke(function, CbcPayloads.linkTest(provider, number))) {
                alerts.raise("broadcast-link-test-failed", "CBC link test failed: " + function,
                        "The link test of " + provider + "'s proxy " + function + " failed. Broadcasts still fail over "
                                + "to the other proxy; check the link to " + provider + "'s CBC.");
            }
        }
    }

    private static void checkAuthorised(EventToSend toSend, String provider) {
        String cannot = "Cannot send broadcast_event " + toSend.event().id() + " to provider " + provider + ": ";
        if (!toSend.serviceActive()) {
            throw new BroadcastIntegrityException(cannot + "the service is suspended");
        }
        if (toSend.serviceRestricted()) {
            throw new BroadcastIntegrityException(cannot + "the service is not live");
        }
        if (toSend.stubbed()) {
            throw new BroadcastIntegrityException(cannot + "the broadcast message is stubbed");
        }
    }

    /** Notify's check_event_makes_sense_in_sequence; returns the operator's messages for the earlier events. */
    private List<ProviderMessage> checkSequence(BroadcastEvent event, Optional<ProviderMessage> existing,
                                                String provider, LocalDateTime now) {
        String cannot = "Cannot send broadcast_event " + event.id() + " to provider " + provider + ": ";
        if (existing.isPresent() && !ProviderMessage.SENDING.equals(existing.get().status())) {
            throw new BroadcastIntegrityException(cannot + "It is in status " + existing.get().status());
        }
        if (event.transmittedFinishesAt() != null && event.transmittedFinishesAt().isBefore(now)) {
            throw new BroadcastIntegrityException(cannot + "The expiry time of " + event.transmittedFinishesAt()
                    + " has already passed");
        }
        List<ProviderMessage> earlier = new ArrayList<>();
        for (BroadcastEvent previous : events.earlierEvents(event)) {
            ProviderMessage sent = events.providerMessage(previous.id(), provider).orElseThrow(() ->
                    new BroadcastIntegrityException("Cannot send " + event.id() + ". Previous event " + previous.id()
                            + " (type " + previous.messageType() + ") has no provider_message for provider "
                            + provider + " yet."));
            if (!ProviderMessage.ACK.equals(sent.status())) {
                throw new BroadcastIntegrityException("Cannot send " + event.id() + ". Previous event "
                        + previous.id() + " (type " + previous.messageType() + ") has not finished sending to provider "
                        + provider + " yet. It is currently in status \"" + sent.status() + "\".");
            }
            earlier.add(sent);
        }
        return earlier;
    }
}
