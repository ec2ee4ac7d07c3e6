package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.delivery.SimulatorFaultSwitches;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.service.notify.NotificationClient;

/** An operator lists what gave up and replays it through the admin API once the provider is back. */
class DeadLettersAdminApiIT extends AdminApiTest {

    @Autowired
    private SimulatorFaultSwitches faults;

    @Autowired
    private org.notifyhub.queues.Outbox outbox;

    @org.springframework.beans.factory.annotation.Value("${notify.queues.database-tasks}")
    private String databaseTasks;

    @Test
    void aSendThatGaveUpIsListedAndReplayedToDelivery() throws Exception {
        String recipient = "dead-letter-" + UUID.randomUUID() + "@example.com";
        faults.refuseSendsTo(recipient);
        String id = new NotificationClient(credentials.apiKeys().normal(), baseUrl())
                .sendEmail(credentials.templates().email().toString(), recipient, Map.of("name", "D", "reference", "R"), null)
                .getNotificationId().toString();
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("technical-failure"));

        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/platform-admin/dead-letters?max=1000").json()
                .path("data").findValuesAsText("notification_id").contains(id));

        faults.clear(recipient);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            AdminClient.Response replay = admin.post("/platform-admin/dead-letters/replay?max=1000", Map.of());
            assertThat(replay.status()).isEqualTo(200);
            return !status(id).equals("technical-failure");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("delivered"));
        assertThat(admin.get("/platform-admin/dead-letters?max=0").status()).isEqualTo(400);
    }

    @Test
    void aTaskThatCanNeverSucceedIsKeptWholeAndReplayedToItsQueue() throws Exception {
        String poison = "{\"task\": \"no-such-task\", \"marker\": \"" + UUID.randomUUID() + "\"}";
        outbox.sendText(databaseTasks, poison, 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterQueues(poison).contains(databaseTasks));

        AdminClient.Response replay = admin.post("/platform-admin/dead-letters/replay?max=1000", Map.of());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().at("/data/replayed").asInt()).isPositive();
        // back on its queue, it fails the same way and is kept again: never dropped
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterQueues(poison).contains(databaseTasks));
    }

    /** The queues named by the dead letters that hold this message. */
    private java.util.List<String> deadLetterQueues(String message) {
        java.util.List<String> queues = new java.util.ArrayList<>();
        admin.get("/platform-admin/dead-letters?max=1000").json().path("data").forEach(letter -> {
            if (message.equals(letter.path("raw_message").asText())) {
                queues.add(letter.path("queue").asText());
            }
        });
        return queues;
    }

    private String status(String id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id::uuid").param("id", id)
                .query(String.class).single();
    }
}
