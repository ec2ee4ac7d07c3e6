package org.notifyhub.broadcasts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.notifyhub.alerts.Alerts;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.queues.BroadcastTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.services.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves broadcast messages between statuses as Notify's update_broadcast_message_status: the move is checked, made
 * by one guarded UPDATE, and going on air or being cancelled creates the event for the networks in the same
 * transaction; the event is queued (send-broadcast-event) once that has committed. Stubbed messages (made by a
 * trial service) and services whose trial status changed since get no event.
 */
@Component
public class BroadcastLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BroadcastLifecycle.class);
    /** How long Notify's admin app kept an alert on air: 4 hours on the test and operator channels, else 22½. */
    private static final Set<String> SHORT_CHANNELS = Set.of("test", "operator");

    private final BroadcastMessageRepository messages;
    private final BroadcastEventRepository events;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final QueueNames queues;
    private final Alerts alerts;
    private final Clock clock;
    private final String defaultChannel;

    public BroadcastLifecycle(BroadcastMessageRepository messages, BroadcastEventRepository events,
                              TransactionTemplate transactions, Outbox outbox, QueueNames queues, Alerts alerts,
                              Clock clock, @Value("${notify.broadcasts.default-channel}") String defaultChannel) {
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
        this.outbox = outbox;
        this.queues = queues;
        this.alerts = alerts;
        this.clock = clock;
        this.defaultChannel = defaultChannel;
    }

    /** Who asks for a move: a team member through the admin API, or an API key through POST /v2/broadcast. */
    public record Actor(UUID userId, UUID apiKeyId) {
    }

    public BroadcastMessage move(Service service, BroadcastMessage message, String to, Actor actor) {
        if (!BroadcastStatus.canMove(message.status(), to)) {
            throw cannotMove(message, to);
        }
        LocalDateTime now = NotifyTime.toUtc(clock.instant());
        LocalDateTime startsAt = null;
        LocalDateTime finishesAt = null;
        String channel = null;
        if (BroadcastStatus.BROADCASTING.equals(to)) {
            // Trial services may approve their own broadcasts: nothing of theirs reaches a network.
            if (actor.userId() != null && actor.userId().equals(message.createdById()) && !service.restricted()) {
                throw new BroadcastRefusedException(400, "User " + actor.userId()
                        + " cannot approve their own broadcast_message " + message.id());
            }
            if (message.polygonCount() == 0) {
                throw new BroadcastRefusedException(400, "broadcast_message " + message.id()
                        + " has no selected areas and so cannot be broadcasted.");
            }
            startsAt = now;
            channel = channel(service.id());
            finishesAt = message.finishesAt() != null && message.finishesAt().isAfter(now)
                    ? message.finishesAt() : now.plus(onAirFor(channel));
        }
        BroadcastMessageRepository.Transition transition = new BroadcastMessageRepository.Transition(message.id(),
                message.status(), to, now, actor.userId(), actor.apiKeyId(), startsAt, finishesAt);
        log.info("broadcast_message {} moving from {} to {}", message.id(), message.status(), to);
        Moved moved = transactions.execute(status -> {
            BroadcastMessage after = messages.move(transition).orElseThrow(() -> cannotMove(message, to));
            return new Moved(after, event(service, after, now));
        });
        moved.event().ifPresent(event -> outbox.send(queues.broadcastTasks(), BroadcastTask.sendEvent(event.id())));
        if (BroadcastStatus.BROADCASTING.equals(to) && !moved.message().stubbed()) {
            alerts.raise("live-broadcast-sent", "Live broadcast sent", "Broadcast " + moved.message().id()
                    + " of service " + service.id() + " is going out on channel " + channel + " to "
                    + moved.message().areas().path("names") + ", until " + moved.message().finishesAt()
                    + " UTC. Content starts \"" + first(moved.message().content(), 100) + "\".");
        }
        return moved.message();
    }

    private record Moved(BroadcastMessage message, Optional<BroadcastEvent> event) {
    }

    private static BroadcastRefusedException cannotMove(BroadcastMessage message, String to) {
        return new BroadcastRefusedException(400, "Cannot move broadcast_message " + message.id() + " from "
                + message.status() + " to " + to);
    }

    private Optional<BroadcastEvent> event(Service service, BroadcastMessage message, LocalDateTime now) {
        String type = switch (message.status()) {
            case BroadcastStatus.BROADCASTING -> BroadcastEvent.ALERT;
            case BroadcastStatus.CANCELLED -> BroadcastEvent.CANCEL;
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        if (message.stubbed() || service.restricted()) {
            if (message.stubbed() != service.restricted()) {
                log.error("Broadcast event not created. Stubbed status of broadcast message was {} but service was {}",
                        message.stubbed(), service.restricted() ? "in trial mode" : "live");
            }
            return Optional.empty();
        }
        BroadcastEvent event = new BroadcastEvent(UUID.randomUUID(), service.id(), message.id(), now, type,
                message.content(), message.areas(), BroadcastEvent.SENDER, message.startsAt(), message.finishesAt());
        events.insert(event);
        return Optional.of(event);
    }

    public String channel(UUID serviceId) {
        return messages.channel(serviceId).orElse(defaultChannel);
    }

    private static Duration onAirFor(String channel) {
        return SHORT_CHANNELS.contains(channel) ? Duration.ofHours(4) : Duration.ofHours(22).plusMinutes(30);
    }

    private static String first(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
