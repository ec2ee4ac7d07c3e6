package org.notifyhub.queues;

import java.util.List;

/**
 * Bodies already in wire form for one SendMessageBatch request: at most ten, well inside SQS's byte limit, each
 * delayed by {@code delaySeconds}.
 */
public record OutgoingBatch(String queue, List<String> bodies, int delaySeconds) {

    public OutgoingBatch {
        bodies = List.copyOf(bodies);
    }

    public OutgoingBatch(String queue, List<String> bodies) {
        this(queue, bodies, 0);
    }
}
