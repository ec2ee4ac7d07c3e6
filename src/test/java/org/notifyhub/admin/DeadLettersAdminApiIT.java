package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.delivery.SimulatorFaults;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.service.notify.NotificationClient;

/** An operator lists what gave up and replays it through the admin API once the provider is back. */
class DeadLettersAdminApiIT extends AdminApiTest {

    @Autowired
    private SimulatorFaults faults;

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

    private String status(String id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id::uuid").param("id", id)
                .query(String.class).single();
    }
}
