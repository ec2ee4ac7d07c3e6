package org.notifyhub.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Single messages queued at the same moment share batch calls, yet each arrives once, after its own delay. */
class OutboxIT extends HubIntegrationTest {

    @Autowired
    private Outbox outbox;

    @Autowired
    private SqsClient sqs;

    private final String queue = "outbox-probe-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void deleteQueue() {
        sqs.deleteQueue(r -> r.queueUrl(url()));
    }

    @Test
    void messagesQueuedTogetherEachArriveOnce() {
        IntStream.range(0, 40).parallel().forEach(i -> outbox.sendText(queue, "m-" + i, 0));

        List<String> bodies = receiveAll(0);

        assertThat(bodies).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).mapToObj(i -> "m-" + i).toList());
    }

    @Test
    void aDelayedMessageWaitsItsDelayAndOneDueAtOnceDoesNot() throws Exception {
        outbox.sendText(queue, "later", 3);
        outbox.sendText(queue, "now", 0);

        assertThat(receiveAll(1)).containsExactly("now");
        Thread.sleep(3000);
        assertThat(receiveAll(2)).containsExactly("later");
    }

    private List<String> receiveAll(int waitSeconds) {
        List<String> bodies = new ArrayList<>();
        List<Message> received;
        do {
            received = sqs.receiveMessage(r -> r.queueUrl(url()).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
                    .messages();
            received.forEach(m -> {
                bodies.add(m.body());
                sqs.deleteMessage(r -> r.queueUrl(url()).receiptHandle(m.receiptHandle()));
            });
        } while (!received.isEmpty());
        return bodies;
    }

    private String url() {
        return sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
    }
}
