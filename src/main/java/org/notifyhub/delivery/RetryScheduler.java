package org.notifyhub.delivery;

import java.time.Clock;
import org.apache.camel.Body;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.queues.RetryEnvelope;
import org.springframework.stereotype.Component;

/**
 * retry-tasks: a due send goes back to its queue; one not yet due (SQS delays stop at 900 s) hops onto
 * retry-tasks again for what remains. Nothing sleeps and no message is held past its visibility timeout.
 */
@Component
public class RetryScheduler {

    private final Clock clock;
    private final String retryQueue;

    public RetryScheduler(Clock clock, QueueNames queues) {
        this.clock = clock;
        this.retryQueue = queues.retryTasks();
    }

    public Outgoing next(@Body RetryEnvelope envelope) {
        long remainingMillis = envelope.dueAt() - clock.millis();
        if (remainingMillis <= 0) {
            return Outgoing.now(envelope.queue(), envelope.task());
        }
        long remainingSeconds = (remainingMillis + 999) / 1000;
        return new Outgoing(retryQueue, envelope, (int) Math.min(remainingSeconds, Outgoing.MAX_SQS_DELAY_SECONDS));
    }
}
