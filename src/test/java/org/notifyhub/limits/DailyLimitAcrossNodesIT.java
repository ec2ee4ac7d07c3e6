package org.notifyhub.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two API nodes (this one and a second JVM) leasing one service's daily limit: racing for the last of it, they accept
 * exactly the limit between them, and every refusal names it.
 */
class DailyLimitAcrossNodesIT extends HubIntegrationTest {

    private static final int LIMIT = 1000;
    private static final int LEFT = 40;
    private static final int SENDS_PER_NODE = 40;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Environment environment;

    @Autowired
    private DailyAllowances allowances;

    @Test
    void twoNodesRacingForTheLastOfADailyLimitAcceptExactlyTheLimit() throws Exception {
        TestService service = testServices.create(false, List.of("email"));
        testServices.setDailyLimit(service.id(), "email", LIMIT);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Sent earlier today: only the last 40 are left, which the nodes lease in blocks of two, then one.
        jdbc.sql("INSERT INTO daily_limit_counters (service_id, day, channel, count) VALUES (:s, :d, 'email', :n)")
                .param("s", service.id()).param("d", today).param("n", LIMIT - LEFT).update();

        Map<String, Object> properties = ExtraNode.sharingInfrastructureOf(environment);
        properties.put("notify.node-name", "limits-api-2");
        properties.put("notify.roles", "api");
        // its sends wait on queues of their own, which nothing consumes
        properties.put("notify.queue-prefix", "limits-api-2-");
        properties.put("notify.data-dir", Files.createTempDirectory("notify-hub-limits-api-2-").toString());

        List<V2Http.Reply> replies;
        try (ExtraNode second = ExtraNode.start("limits-api-2", properties)) {
            replies = race(service, List.of(new V2Http(mapper, baseUrl()), new V2Http(mapper, second.baseUrl())));
        }

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(LEFT);
        assertThat(replies).filteredOn(reply -> reply.status() != 201).hasSize(2 * SENDS_PER_NODE - LEFT)
                .allSatisfy(reply -> {
                    assertThat(reply.status()).isEqualTo(429);
                    assertThat(reply.message()).isEqualTo("Exceeded send limits (email: " + LIMIT + ") for today");
                });
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :id").param("id", service.id())
                .query(Long.class).single()).isEqualTo(LEFT);
        // Nothing is left over on either node: the second handed back nothing because it held nothing.
        allowances.handBackIdle(Duration.ZERO);
        assertThat(jdbc.sql("SELECT count FROM daily_limit_counters WHERE service_id = :s AND channel = 'email'")
                .param("s", service.id()).query(Long.class).single()).isEqualTo(LIMIT);
    }

    @Test
    void aNodeLeasesABlockAndHandsBackWhatItDidNotSend() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        testServices.setDailyLimit(service.id(), "sms", LIMIT);
        V2Http http = new V2Http(mapper, baseUrl());
        String body = "{\"phone_number\": \"07700900123\", \"template_id\": \"" + service.smsTemplate()
                + "\", \"personalisation\": {\"name\": \"Lease\"}}";

        assertThat(http.post("/v2/notifications/sms", "Bearer " + Jwt.forKey(service.normalKey()), body).status())
                .isEqualTo(201);
        long counted = counted(service);
        assertThat(counted).as("a block of 1000 / 16, not one send").isEqualTo(LIMIT / 16);

        allowances.handBackIdle(Duration.ZERO);

        assertThat(counted(service)).as("what was not sent went back").isEqualTo(1);
    }

    private long counted(TestService service) {
        return jdbc.sql("SELECT count FROM daily_limit_counters WHERE service_id = :s AND channel = 'sms'")
                .param("s", service.id()).query(Long.class).single();
    }

    private List<V2Http.Reply> race(TestService service, List<V2Http> nodes) throws Exception {
        String body = "{\"email_address\": \"race@example.com\", \"template_id\": \"" + service.emailTemplate()
                + "\", \"personalisation\": {\"name\": \"Race\"}}";
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size() * SENDS_PER_NODE);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<V2Http.Reply>> futures = new ArrayList<>();
            for (V2Http node : nodes) {
                for (int i = 0; i < SENDS_PER_NODE; i++) {
                    futures.add(pool.submit(() -> {
                        String authorization = "Bearer " + Jwt.forKey(service.normalKey());
                        start.await();
                        return node.post("/v2/notifications/email", authorization, body);
                    }));
                }
            }
            start.countDown();
            List<V2Http.Reply> replies = new ArrayList<>();
            for (Future<V2Http.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
