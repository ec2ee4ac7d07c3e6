package org.notifyhub.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A consumed message is deleted when its exchange completes, and only then: one whose exchange fails unhandled stays
 * on the queue and comes back after its visibility timeout. Messages gathered into a poll's batch are deleted by the
 * batch, all but those it leaves. Messages are queued through the outbox, which coalesces
 * them, and consumed by a route as the hub's are, on the component's defaults.
 */
class AcknowledgementsIT extends HubIntegrationTest {

    @Autowired
    private CamelContext camel;

    @Autowired
    private Outbox outbox;

    @Autowired
    private SqsClient sqs;

    @Autowired
    private PollBatches pollBatches;

    @Autowired
    private Acknowledgements acknowledgements;

    private final String queue = "ack-probe-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    @AfterEach
    void removeRoute() throws Exception {
        camel.getRouteController().stopRoute(queue);
        camel.removeRoute(queue);
        sqs.deleteQueue(r -> r.queueUrl(url()));
    }

    @Test
    void aCompletedMessageIsDeletedOnceAndAFailedOneComesBack() throws Exception {
        IntStream.range(0, 30).parallel().forEach(i -> outbox.sendText(queue, "ok-" + i, 0));
        outbox.sendText(queue, "fail", 0);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-sqs:" + queue + "?visibilityTimeout=1&waitTimeSeconds=1&greedy=true&maxMessagesPerPoll=10")
                        .routeId(queue)
                        .threads(8)
                        .process(exchange -> {
                            String body = exchange.getIn().getBody(String.class);
                            seen.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
                            if (body.equals("fail")) {
                                throw new IllegalStateException("left to the queue");
                            }
                        });
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> seen.getOrDefault("fail", new AtomicInteger()).get() >= 3);

        assertThat(seen).hasSize(31);
        assertThat(seen.entrySet()).filteredOn(e -> !e.getKey().equals("fail"))
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).hasValue(1));
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(r -> r.queueUrl(url()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        assertThat(Integer.parseInt(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)))
                .isEqualTo(1);
    }

    @Test
    void aPollsMessagesGoTogetherAndOnlyThoseItsBatchAcknowledgesAreDeleted() throws Exception {
        IntStream.range(0, 30).parallel().forEach(i -> outbox.sendText(queue, "ok-" + i, 0));
        outbox.sendText(queue, "fail", 0);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-sqs:" + queue + "?visibilityTimeout=1&waitTimeSeconds=1&greedy=true&maxMessagesPerPoll=10")
                        .routeId(queue)
                        .aggregate(constant("poll"), pollBatches).completionFromBatchConsumer()
                        .process(exchange -> {
                            ReceivedBatch batch = exchange.getIn().getBody(ReceivedBatch.class);
                            batchSizes.add(batch.messages().size());
                            Set<Integer> failed = new HashSet<>();
                            for (int i = 0; i < batch.messages().size(); i++) {
                                String body = batch.messages().get(i).body();
                                seen.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
                                if (body.equals("fail")) {
                                    failed.add(i);
                                }
                            }
                            exchange.getIn().setBody(batch.without(failed));
                        })
                        .bean(acknowledgements, "acknowledge");
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> seen.getOrDefault("fail", new AtomicInteger()).get() >= 3);

        assertThat(seen).hasSize(31);
        assertThat(seen.entrySet()).filteredOn(e -> !e.getKey().equals("fail"))
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).hasValue(1));
        assertThat(batchSizes).as("messages of one poll in one batch").anySatisfy(size -> assertThat(size).isGreaterThan(1))
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(10));
    }

    private String url() {
        return sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
    }
}
