package org.notifyhub.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The messages one poll of an SQS consumer returned, gathered to be worked on and deleted together. */
public record ReceivedBatch(String queue, List<ReceivedMessage> messages) {

    /** A message's body as received and the handle that deletes it. */
    public record ReceivedMessage(String body, String receiptHandle) {
    }

    public ReceivedBatch {
        messages = List.copyOf(messages);
    }

    public List<String> bodies() {
        return messages.stream().map(ReceivedMessage::body).toList();
    }

    /** This batch and one more message. */
    public ReceivedBatch with(ReceivedMessage message) {
        List<ReceivedMessage> more = new ArrayList<>(messages);
        more.add(message);
        return new ReceivedBatch(queue, more);
    }

    /** This batch without the messages at these positions (the ones to leave on the queue). */
    public ReceivedBatch without(Set<Integer> positions) {
        List<ReceivedMessage> kept = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!positions.contains(i)) {
                kept.add(messages.get(i));
            }
        }
        return new ReceivedBatch(queue, kept);
    }
}
