package org.notifyhub.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.delivery.SimulatorFaultSwitches;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import uk.gov.service.notify.NotificationClient;

/**
 * A send that fails for good is kept on the dead-letter queue with the queue it came from, and the replay puts it
 * back on that queue. A test key's send comes from research-mode-tasks, not its channel's send queue, so only the
 * real source queue replays it to the right place.
 */
class DeadLetterSourceQueueIT extends HubIntegrationTest {

    private static final String RESEARCH_MODE_ROUTE = "deliver-research-mode";

    @Autowired
    private SimulatorFaultSwitches faults;

    @Autowired
    private DeadLetters deadLetters;

    @Autowired
    private QueueNames queues;

    @Autowired
    private SqsClient sqs;

    @Autowired
    private CamelContext camel;

    @Autowired
    private JdbcClient jdbc;

    private String recipient;

    @AfterEach
    void restore() throws Exception {
        faults.clear(recipient);
        camel.getRouteController().startRoute(RESEARCH_MODE_ROUTE);
    }

    @Test
    void aSendThatFailedForGoodRecordsItsSourceQueueAndReplaysToIt() throws Exception {
        recipient = "source-queue-" + UUID.randomUUID() + "@example.com";
        faults.watch(recipient);
        faults.refuseSendsTo(recipient);
        String id = new NotificationClient(credentials.apiKeys().test(), baseUrl())
                .sendEmail(credentials.templates().email().toString(), recipient, Map.of("name", "Q", "reference", "R"), null)
                .getNotificationId().toString();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("technical-failure"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFor(id).isPresent());
        DeadLetter letter = deadLetterFor(id).orElseThrow();
        assertThat(letter.queue()).isEqualTo(queues.researchModeTasks());
        assertThat(letter.task().notificationType()).isEqualTo(NotificationType.EMAIL);

        faults.clear(recipient);
        faults.watch(recipient);
        camel.getRouteController().stopRoute(RESEARCH_MODE_ROUTE);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            deadLetters.replay(100);
            return status(id).equals("created");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting(queues.researchModeTasks())
                .contains("{\"notification_id\":\"" + id + "\",\"notification_type\":\"email\",\"attempt\":0}"));

        camel.getRouteController().startRoute(RESEARCH_MODE_ROUTE);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("delivered"));
        assertThat(faults.attemptsTo(recipient)).hasSize(1);
        assertThat(deadLetterFor(id)).isEmpty();
    }

    private Optional<DeadLetter> deadLetterFor(String id) {
        return deadLetters.list(100).stream()
                .filter(letter -> letter.task() != null && letter.task().notificationId().toString().equals(id))
                .findFirst();
    }

    /** The bodies waiting on a queue no consumer reads just now; each is made visible again at once. */
    private List<String> waiting(String queue) {
        String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
        List<String> bodies = new ArrayList<>();
        for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            bodies.add(message.body());
            sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        }
        return bodies;
    }

    private String status(String id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id::uuid").param("id", id)
                .query(String.class).single();
    }
}
