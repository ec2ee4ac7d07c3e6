package org.notifyhub.queues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The one writer of SQS. Whatever the hub queues, from a bean or from a route, passes the outbox route
 * ({@code direct:outbox}), so hawtio and the per-route metrics see every edge of the flow: single messages, after an
 * optional delay, and batches of at most ten entries and 200 KiB in which any refused entry fails the whole call, so
 * no caller goes on as if a message were queued when it is not. What was queued before a failure is safe to queue
 * again: every consumer is idempotent.
 */
@Component
public class Outbox {

    public static final String ROUTE = "direct:outbox";
    /** SQS allows 10 entries and 256 KiB in one batch; stay clear of the byte limit. */
    public static final int MAX_BATCH_ENTRIES = 10;
    public static final int MAX_BATCH_BYTES = 200 * 1024;

    private final ProducerTemplate producer;
    private final ObjectMapper mapper;
    private final int batchesInFlight;
    private final Map<String, GroupCommit<String>> lanes = new ConcurrentHashMap<>();

    public Outbox(ProducerTemplate producer, ObjectMapper mapper,
            @Value("${notify.sqs.batches-in-flight}") int batchesInFlight) {
        this.producer = producer;
        this.mapper = mapper;
        this.batchesInFlight = batchesInFlight;
    }

    public void send(String queue, QueueMessage message) {
        send(Outgoing.now(queue, message));
    }

    public void send(String queue, QueueMessage message, int delaySeconds) {
        send(new Outgoing(queue, message, delaySeconds));
    }

    /** A body already in its wire form: an SNS envelope, a provider's receipt, a sealed row, a dead letter's raw text. */
    public void sendText(String queue, String body, int delaySeconds) {
        send(new Outgoing(queue, body, delaySeconds));
    }

    public void send(Outgoing outgoing) {
        through(outgoing);
    }

    /** Many messages for one queue, as few SendMessageBatch requests as the limits allow. */
    public void sendAll(String queue, List<? extends QueueMessage> messages) {
        List<String> entries = new ArrayList<>(MAX_BATCH_ENTRIES);
        int bytes = 0;
        for (QueueMessage message : messages) {
            String body = json(message);
            int size = body.getBytes(StandardCharsets.UTF_8).length;
            if (!entries.isEmpty() && (entries.size() == MAX_BATCH_ENTRIES || bytes + size > MAX_BATCH_BYTES)) {
                through(new OutgoingBatch(queue, entries));
                entries = new ArrayList<>(MAX_BATCH_ENTRIES);
                bytes = 0;
            }
            entries.add(body);
            bytes += size;
        }
        if (!entries.isEmpty()) {
            through(new OutgoingBatch(queue, entries));
        }
    }

    /** The outbox route's step before a single send: the body as it goes on the queue. */
    public String wire(@Body Outgoing outgoing) {
        return outgoing.payload() instanceof String text ? text : json(outgoing.payload());
    }

    /**
     * The outbox route's step for a single message: it joins whatever else is being queued on its queue with the same
     * delay at that moment in one SendMessageBatch (see {@link GroupCommit}), and returns once the batch is queued.
     */
    public void coalesce(@Body Outgoing outgoing) {
        lanes.computeIfAbsent(outgoing.queue() + "@" + outgoing.delaySeconds(), lane -> new GroupCommit<String>(
                        MAX_BATCH_ENTRIES, MAX_BATCH_BYTES, batchesInFlight,
                        body -> body.getBytes(StandardCharsets.UTF_8).length,
                        bodies -> through(new OutgoingBatch(outgoing.queue(), bodies, outgoing.delaySeconds()))))
                .submit(wire(outgoing));
    }

    /** The outbox route's step after a batch: SQS answers entry by entry, and one refusal fails the whole call. */
    public void checkBatch(@Body SendMessageBatchResponse response, @ExchangeProperty(WireNames.OUTBOX_QUEUE) String queue) {
        if (response.hasFailed() && !response.failed().isEmpty()) {
            throw new IllegalStateException("SQS refused " + response.failed().size() + " of "
                    + (response.failed().size() + response.successful().size()) + " messages for " + queue + ": "
                    + response.failed().get(0).message());
        }
    }

    private void through(Object outgoing) {
        Exchange done = producer.send(ROUTE, exchange -> exchange.getIn().setBody(outgoing));
        Exception failure = done.getException();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException("Could not queue a message: " + failure.getMessage(), failure);
        }
    }

    private String json(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + payload.getClass().getSimpleName(), e);
        }
    }
}
