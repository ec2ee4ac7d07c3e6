package org.notifyhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.local.LocalCredentials;
import org.notifyhub.support.ExtraNode;
import uk.gov.service.notify.NotificationClient;

/** A node with 2 database connections and 20 provider calls of 2 s in flight: nobody waits for a connection. */
class SlowProviderPoolIT {

    @Test
    void twentyConcurrentTwoSecondProviderCallsNeverExhaustAPoolOfTwo() throws Exception {
        Path dataDir = Files.createTempDirectory("notify-hub-pool-");
        Map<String, Object> properties = Map.of(
                "notify.data-dir", dataDir.toString(),
                "spring.datasource.hikari.maximum-pool-size", 2,
                "spring.datasource.hikari.connection-timeout", 2000,
                "notify.simulator.send-latency-ms", 2000,
                "notify.sqs.concurrent-consumers", 20);

        try (ExtraNode hub = ExtraNode.start("slow-provider", properties)) {
            LocalCredentials credentials = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(dataDir.resolve("local-credentials.json").toFile(), LocalCredentials.class);
            NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), hub.baseUrl());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(client.sendEmail(credentials.templates().email().toString(), "slow" + i + "@example.com",
                        Map.of("name", "S", "reference", "R"), null).getNotificationId().toString());
            }

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (String id : ids) {
                    if (!client.getNotificationById(id).getStatus().equals("delivered")) {
                        return false;
                    }
                }
                return true;
            });
            String log = Files.readString(Path.of("target", "extra-nodes", "slow-provider.log"));
            assertThat(log).doesNotContain("Connection is not available").doesNotContain("technical-failure");
            assertThat(log).doesNotContain("retrying in");
        }
    }
}
