package org.notifyhub.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A text message held on send-sms-tasks while its consumer is stopped: once the consumer takes it, the queue's wait
 * timer has recorded at least the time it was held, so the timer's max tells an operator how old the messages
 * consumers are reaching have grown.
 */
class QueueWaitMetricsIT extends HubIntegrationTest {

    private static final Duration HELD = Duration.ofSeconds(3);

    @Autowired
    private CamelContext camel;

    @Autowired
    private MeterRegistry registry;

    @Autowired
    private QueueNames queues;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aMessageHeldOnItsQueueIsRecordedWithTheTimeItWaited() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        String body = "{\"phone_number\": \"07700900123\", \"template_id\": \"" + service.smsTemplate()
                + "\", \"personalisation\": {\"name\": \"Wait\"}}";
        camel.getRouteController().stopRoute("deliver-sms");
        String id;
        long heldFrom = System.nanoTime();
        try {
            V2Http.Reply reply = new V2Http(mapper, baseUrl())
                    .post("/v2/notifications/sms", "Bearer " + Jwt.forKey(service.normalKey()), body);
            assertThat(reply.status()).isEqualTo(201);
            id = reply.body().path("id").asText();
            Thread.sleep(HELD.toMillis());
        } finally {
            camel.getRouteController().startRoute("deliver-sms");
        }
        long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - heldFrom);

        await().atMost(Duration.ofSeconds(30)).until(() -> !"created".equals(jdbc
                .sql("SELECT notification_status FROM notifications WHERE id = :id::uuid").param("id", id)
                .query(String.class).single()));
        Timer waited = registry.find("notify.queue.wait").tag("queue", queues.sendSmsTasks()).timer();
        assertThat(waited).as("a wait timer for the SMS queue").isNotNull();
        assertThat(waited.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(heldMillis - 1_000);
    }
}
