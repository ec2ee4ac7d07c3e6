package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import uk.gov.service.notify.NotificationClient;

/**
 * NOTIFY_LOG_FORMAT=json: a worker node writes one JSON object per line from its first line on, and the line about a
 * send names the node, the route that took the message and the notification.
 */
class JsonLogsIT extends HubIntegrationTest {

    @Autowired
    private Environment environment;
    @Autowired
    private CamelContext camel;

    @Test
    void aWorkerLogsOneJsonObjectPerLineWithItsNodeRouteAndNotification() throws Exception {
        Map<String, Object> properties = ExtraNode.sharingInfrastructureOf(environment);
        properties.put("notify.node-name", "json-worker");
        properties.put("notify.roles", "worker");
        properties.put("notify.log-format", "json");
        properties.put("notify.data-dir", Files.createTempDirectory("notify-hub-json-").toString());
        String id;
        // this node's sender waits, so the JSON worker is the one that sends
        camel.getRouteController().stopRoute("deliver-sms");
        try (ExtraNode worker = ExtraNode.start("json-worker", properties)) {
            id = new NotificationClient(credentials.apiKeys().normal(), baseUrl())
                    .sendSms(credentials.templates().sms().toString(), "07700900123", Map.of("name", "Jay"), "json-logs")
                    .getNotificationId().toString();
            await().atMost(Duration.ofSeconds(60)).until(() -> sentLine(id) != null);
        } finally {
            camel.getRouteController().startRoute("deliver-sms");
        }

        JsonNode sent = sentLine(id);
        assertThat(sent.get("node").asText()).isEqualTo("json-worker");
        assertThat(sent.get("route").asText()).isEqualTo("deliver-sms");
        assertThat(sent.get("level").asText()).isEqualTo("INFO");
        assertThat(sent.get("message").asText()).startsWith("SMS sent to provider");
        assertThat(lines()).hasSizeGreaterThan(20).allSatisfy(line -> assertThat(line.has("@timestamp")).isTrue());
    }

    private JsonNode sentLine(String id) throws Exception {
        return lines().stream().filter(line -> id.equals(line.path("notification_id").asText())
                && line.path("message").asText().startsWith("SMS sent")).findFirst().orElse(null);
    }

    /** Every line of the node's log parsed as JSON: a line that is not fails the test. */
    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target", "extra-nodes", "json-worker.log"))) {
            if (!line.isBlank()) {
                lines.add(mapper.readTree(line));
            }
        }
        return lines;
    }
}
