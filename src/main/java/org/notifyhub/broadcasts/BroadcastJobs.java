package org.notifyhub.broadcasts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.queues.BroadcastTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The broadcasts' scheduled jobs: auto-expire-broadcast-messages, replay-unsent-broadcast-events, trigger-link-tests. */
@Component
public class BroadcastJobs {

    private static final Logger log = LoggerFactory.getLogger(BroadcastJobs.class);

    /** Longer than an event normally waits on the queue before its fan-out makes provider messages. */
    private static final Duration UNSENT_AFTER = Duration.ofMinutes(2);

    private final BroadcastMessageRepository messages;
    private final BroadcastEventRepository events;
    private final BroadcastProviders providers;
    private final Outbox outbox;
    private final QueueNames queues;
    private final Clock clock;

    public BroadcastJobs(BroadcastMessageRepository messages, BroadcastEventRepository events,
                         BroadcastProviders providers, Outbox outbox, QueueNames queues, Clock clock) {
        this.messages = messages;
        this.events = events;
        this.providers = providers;
        this.outbox = outbox;
        this.queues = queues;
        this.clock = clock;
    }

    /** Broadcasting messages past their finish become completed; returns their ids. */
    public List<UUID> autoExpire() {
        List<UUID> expired = messages.completeFinished(NotifyTime.toUtc(clock.instant()));
        if (!expired.isEmpty()) {
            log.info("auto-expire-broadcast-messages completed {}", expired);
        }
        return expired;
    }

    /**
     * replay-unsent-broadcast-events: an event committed whose send-broadcast-event never reached the queue is queued
     * again, so an approved alert is never silently lost. A replay that overlaps a slow first send is harmless: each
     * operator's attempt is claimed once.
     */
    public List<UUID> replayUnsentEvents() {
        LocalDateTime now = NotifyTime.toUtc(clock.instant());
        List<UUID> unsent = events.unsentEvents(now.minus(UNSENT_AFTER), now);
        if (!unsent.isEmpty()) {
            log.warn("replay-unsent-broadcast-events queues {} again", unsent);
            outbox.sendAll(queues.broadcastTasks(), unsent.stream().map(BroadcastTask::sendEvent).toList());
        }
        return unsent;
    }

    public void triggerLinkTests() {
        outbox.sendAll(queues.broadcastTasks(), providers.enabled().stream().map(BroadcastTask::linkTest).toList());
    }
}
