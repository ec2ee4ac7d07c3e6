package org.notifyhub.queues;

import java.util.List;

/** Bodies already in wire form for one SendMessageBatch request: at most ten, and well inside SQS's byte limit. */
public record OutgoingBatch(String queue, List<String> bodies) {

    public OutgoingBatch {
        bodies = List.copyOf(bodies);
    }
}
