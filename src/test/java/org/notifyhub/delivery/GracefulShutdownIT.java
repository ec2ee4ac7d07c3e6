package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.ProviderHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import uk.gov.service.notify.NotificationClient;

/**
 * SIGTERM under load: a node taking sends on its API and sending them through Firetext (WireMock, 300 ms an answer)
 * stops within its grace period, and every send it accepted is sent exactly once and delivered — what it had in
 * flight finished or came back to the node that carries on.
 */
class GracefulShutdownIT extends SmsProviderStubs {

    private static final Duration GRACE = Duration.ofSeconds(12);

    @Autowired
    private Environment environment;
    @Autowired
    private CamelContext camel;

    @Test
    void aStoppingNodeExitsWithinItsGraceAndLosesOrRepeatsNothing() throws Exception {
        providers.stubFor(post(FIRETEXT_PATH).willReturn(okJson("{\"code\":0,\"description\":\"SMS successfully queued\"}")
                .withFixedDelay(300)));
        pointHubAt(true, false);
        Map<String, Object> properties = ExtraNode.sharingInfrastructureOf(environment);
        properties.remove("notify.sms.simulated");
        properties.put("notify.firetext.url", providers.baseUrl() + FIRETEXT_PATH);
        properties.put("notify.firetext.api-key", FIRETEXT_KEY);
        properties.put("notify.node-name", "stopping-node");
        properties.put("notify.roles", "api,worker");
        properties.put("notify.shutdown.grace", GRACE.toSeconds() + "s");
        // Camel gets 12 - 4 - 2 = 6 s, more than a long poll of 3 s (ShutdownGrace refuses less)
        properties.put("notify.sqs.wait-time-seconds", 3);
        // what it abandons comes back to the other node within the test, not after 310 s
        properties.put("notify.sqs.visibility-timeout", 15);
        properties.put("notify.data-dir", Files.createTempDirectory("notify-hub-stopping-").toString());

        ConcurrentLinkedQueue<UUID> accepted = new ConcurrentLinkedQueue<>();
        long stopMillis;
        camel.getRouteController().stopRoute("deliver-sms"); // the stopping node does the sending
        try (ExtraNode node = ExtraNode.start("stopping-node", properties)) {
            ExecutorService senders = Executors.newFixedThreadPool(8);
            NotificationClient client = new NotificationClient(credentials.apiKeys().normal(), node.baseUrl());
            String template = credentials.templates().sms().toString();
            for (int i = 0; i < 8; i++) {
                senders.submit(() -> sendUntilRefused(client, template, accepted));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 200);
            long start = System.nanoTime();
            node.terminate();
            stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            camel.getRouteController().startRoute("deliver-sms");
        }

        assertThat(stopMillis).as("ms from SIGTERM to exit").isLessThanOrEqualTo(GRACE.toMillis());
        List<UUID> ids = new ArrayList<>(accepted);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ids.stream().allMatch(id -> !firetextRequestsFor(id).isEmpty()));
        // Firetext's receipts, as Firetext would post them once, to the node that carries on
        ProviderHttp http = new ProviderHttp(baseUrl());
        for (UUID id : ids) {
            http.postForm("/notifications/sms/firetext", Map.of("status", "0", "reference", id.toString(), "code", "000",
                    "mobile", "447700900123", "time", "2026-12-05 10:00:00"), null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> "delivered".equals(status(id))));
        assertThat(ids).allSatisfy(id -> assertThat(firetextRequestsFor(id)).as("sends of %s", id).hasSize(1));
    }

    private static void sendUntilRefused(NotificationClient client, String template, ConcurrentLinkedQueue<UUID> accepted) {
        while (true) {
            try {
                accepted.add(client.sendSms(template, "07700900123", Map.of("name", "Stop"), null)
                        .getNotificationId());
            } catch (Exception refusedOrGone) {
                return; // the node stopped taking requests
            }
        }
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id").param("id", id)
                .query(String.class).single();
    }
}
