package org.notifyhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.queues.DeadLetters;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;

/** Failed sends climb the (compressed) retry ladder, end on the dead-letter queue, and replay from there; no send twice. */
class DeliveryRetriesIT extends HubIntegrationTest {

    @Autowired
    private SimulatorFaultSwitches faults;

    @Autowired
    private DeadLetters deadLetters;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ProducerTemplate producer;

    @Autowired
    private com.fasterxml.jackson.databind.ObjectMapper json;

    @Value("${notify.queues.send-email-tasks}")
    private String emailQueue;

    private String recipient;

    @AfterEach
    void clearFaults() {
        faults.clear(recipient);
    }

    @Test
    void aFailingSendIsRetriedAfterEachDelayThenEndsInTechnicalFailureOnTheDeadLetterQueueAndReplays() throws Exception {
        recipient = "outage-" + UUID.randomUUID() + "@example.com";
        faults.watch(recipient);
        faults.failSendsTo(recipient);

        String id = send(recipient);

        await().atMost(Duration.ofSeconds(40)).until(() -> status(id).equals("technical-failure"));
        List<Instant> attempts = faults.attemptsTo(recipient);
        assertThat(attempts).hasSize(4);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(Duration.between(attempts.get(2), attempts.get(3))).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.list(100).stream()
                .anyMatch(letter -> letter.task() != null && letter.task().notificationId().toString().equals(id)));

        faults.clear(recipient);
        faults.watch(recipient);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            deadLetters.replay(100);
            return !status(id).equals("technical-failure");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("delivered"));
        assertThat(faults.attemptsTo(recipient)).hasSize(1);
    }

    @Test
    void aRefusedSendIsNotRetried() throws Exception {
        recipient = "refused-" + UUID.randomUUID() + "@example.com";
        faults.watch(recipient);
        faults.refuseSendsTo(recipient);

        String id = send(recipient);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("technical-failure"));
        Thread.sleep(2500);
        assertThat(faults.attemptsTo(recipient)).hasSize(1);
    }

    @Test
    void theSameQueueMessageDeliveredTwiceCallsTheProviderOnce() throws Exception {
        recipient = "twice-" + UUID.randomUUID() + "@example.com";
        faults.watch(recipient);

        String id = send(recipient);
        String duplicate = json.writeValueAsString(DeliveryTask.first(UUID.fromString(id), NotificationType.EMAIL));
        producer.sendBody("aws2-sqs://" + emailQueue + "?autoCreateQueue=true", duplicate);
        producer.sendBody("aws2-sqs://" + emailQueue + "?autoCreateQueue=true", duplicate);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("delivered"));
        Thread.sleep(2000);
        assertThat(faults.attemptsTo(recipient)).hasSize(1);
    }

    @Test
    void aSendWhoseWorkerDiedAfterTheClaimIsReplayedOnce() throws Exception {
        recipient = "crashed-" + UUID.randomUUID() + "@example.com";
        faults.watch(recipient);
        faults.failSendsTo(recipient);
        String id = send(recipient);
        await().atMost(Duration.ofSeconds(5)).until(() -> faults.attemptsTo(recipient).size() >= 1);
        faults.clear(recipient);
        faults.watch(recipient);
        // As a worker that died between claim and provider call leaves it: claimed long ago, never sent, no message.
        jdbc.sql("""
                        UPDATE notifications SET notification_status = 'sending', sent_at = NULL,
                               updated_at = now() - interval '1 hour', created_at = now() - interval '2 hours'
                        WHERE id = :id::uuid""").param("id", id).update();

        producer.sendBody("direct:replay-created-notifications", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("delivered"));
        assertThat(faults.attemptsTo(recipient)).hasSize(1);
    }

    private String send(String to) throws Exception {
        NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), baseUrl());
        return client.sendEmail(credentials.templates().email().toString(), to, Map.of("name", "R", "reference", "R"), null)
                .getNotificationId().toString();
    }

    private String status(String id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id::uuid").param("id", id)
                .query(String.class).single();
    }
}
