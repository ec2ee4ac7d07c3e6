package org.notifyhub.broadcasts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.queues.BroadcastTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The broadcasts' scheduled jobs: auto-expire-broadcast-messages and trigger-link-tests. */
@Component
public class BroadcastJobs {

    private static final Logger log = LoggerFactory.getLogger(BroadcastJobs.class);

    private final BroadcastMessageRepository messages;
    private final BroadcastProviders providers;
    private final Outbox outbox;
    private final QueueNames queues;
    private final Clock clock;

    public BroadcastJobs(BroadcastMessageRepository messages, BroadcastProviders providers, Outbox outbox,
                         QueueNames queues, Clock clock) {
        this.messages = messages;
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

    public void triggerLinkTests() {
        outbox.sendAll(queues.broadcastTasks(), providers.enabled().stream().map(BroadcastTask::linkTest).toList());
    }
}
