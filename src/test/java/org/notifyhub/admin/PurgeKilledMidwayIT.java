package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An operator's purge of one service runs on a node that is killed (SIGKILL) halfway through; run again elsewhere, it
 * finishes. At every moment each notification is in exactly one of the two tables.
 */
class PurgeKilledMidwayIT extends AdminApiTest {

    private static final int NOTIFICATIONS = 60_000;

    @Autowired
    private Environment environment;

    @Test
    void aPurgeKilledMidwayAndRunAgainLeavesEachNotificationExactlyOnce() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        jdbc.sql("""
                        INSERT INTO notifications (id, "to", normalised_to, service_id, template_id, template_version,
                               key_type, notification_type, created_at, notification_status, _personalisation)
                        SELECT gen_random_uuid(), '07700900123', '447700900123', :service, :template, 1, 'normal', 'sms',
                               :createdAt - make_interval(secs => n), 'delivered', 'v2:secret'
                        FROM generate_series(1, :count) AS n""")
                .param("service", service.id()).param("template", service.smsTemplate())
                .param("createdAt", LocalDateTime.now().minusDays(20)).param("count", NOTIFICATIONS).update();
        Map<String, Object> properties = ExtraNode.sharingInfrastructureOf(environment);
        properties.put("notify.node-name", "purging-node");
        properties.put("notify.roles", "api");
        properties.put("notify.retention.batch-size", 500);
        properties.put("notify.data-dir", Files.createTempDirectory("notify-hub-purging-").toString());
        String path = "/service/" + service.id() + "/delete-notifications-older-than-retention";

        try (ExtraNode node = ExtraNode.start("purging-node", properties)) {
            AdminClient onNode = new AdminClient(node.baseUrl(), credentials.admin(), mapper);
            CompletableFuture.runAsync(() -> onNode.post(path, Map.of()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> inHistory(service) >= NOTIFICATIONS / 4);
            node.kill();
        }

        long moved = inHistory(service);
        assertThat(moved).as("killed midway").isBetween((long) NOTIFICATIONS / 4, (long) NOTIFICATIONS - 1);
        assertThat(moved + inHotTable(service)).isEqualTo(NOTIFICATIONS);
        assertThat(inBoth(service)).isZero();

        AdminClient.Response again = admin.post(path, Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().at("/data/sms").asLong()).isEqualTo(NOTIFICATIONS - moved);
        assertThat(inHistory(service)).isEqualTo(NOTIFICATIONS);
        assertThat(inHotTable(service)).isZero();
    }

    private long inHistory(TestService service) {
        return count("SELECT count(*) FROM notification_history WHERE service_id = :s", service.id());
    }

    private long inHotTable(TestService service) {
        return count("SELECT count(*) FROM notifications WHERE service_id = :s", service.id());
    }

    private long inBoth(TestService service) {
        return count("SELECT count(*) FROM notifications n JOIN notification_history h ON h.id = n.id WHERE n.service_id = :s",
                service.id());
    }

    private long count(String sql, UUID serviceId) {
        return jdbc.sql(sql).param("s", serviceId).query(Long.class).single();
    }
}
