package org.notifyhub.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Daily and per-minute limits hold under concurrency, with Notify's 429 texts. */
class LimitsIT extends HubIntegrationTest {

    private static final List<String> ALL = List.of("email", "sms", "letter");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void manyConcurrentSendsAgainstADailyLimitOfNAcceptExactlyN() throws Exception {
        TestService service = testServices.create(false, ALL);
        int limit = 7;
        testServices.setDailyLimit(service.id(), "email", limit);
        V2Http http = new V2Http(mapper, baseUrl());
        String body = "{\"email_address\": \"race@example.com\", \"template_id\": \"" + service.emailTemplate()
                + "\", \"personalisation\": {\"name\": \"Race\"}}";

        List<V2Http.Reply> replies = concurrently(40, () -> http.post("/v2/notifications/email",
                "Bearer " + Jwt.forKey(service.normalKey()), body));

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(limit);
        List<V2Http.Reply> refused = replies.stream().filter(reply -> reply.status() != 201).toList();
        assertThat(refused).hasSize(40 - limit).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.error()).isEqualTo("TooManyRequestsError");
            assertThat(reply.message()).isEqualTo("Exceeded send limits (email: 7) for today");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :id").param("id", service.id())
                .query(Long.class).single()).isEqualTo(limit);
    }

    @Test
    void testKeysDoNotCountTowardsTheDailyLimit() throws Exception {
        TestService service = testServices.create(false, ALL);
        testServices.setDailyLimit(service.id(), "sms", 1);
        V2Http http = new V2Http(mapper, baseUrl());
        String body = "{\"phone_number\": \"07700900123\", \"template_id\": \"" + service.smsTemplate()
                + "\", \"personalisation\": {\"name\": \"T\"}}";

        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/v2/notifications/sms", "Bearer " + Jwt.forKey(service.testKey()), body).status())
                    .isEqualTo(201);
        }
        assertThat(http.post("/v2/notifications/sms", "Bearer " + Jwt.forKey(service.normalKey()), body).status())
                .isEqualTo(201);
        V2Http.Reply refused = http.post("/v2/notifications/sms", "Bearer " + Jwt.forKey(service.normalKey()), body);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.message()).isEqualTo("Exceeded send limits (sms: 1) for today");
    }

    @Test
    void theRateLimitRefusesTheRequestAfterABurstOfRateLimit() throws Exception {
        TestService service = testServices.create(false, ALL);
        testServices.setRateLimit(service.id(), 5);
        V2Http http = new V2Http(mapper, baseUrl());
        String body = "{\"phone_number\": \"07700900123\", \"template_id\": \"" + service.smsTemplate()
                + "\", \"personalisation\": {\"name\": \"R\"}}";

        List<Integer> statuses = new ArrayList<>();
        V2Http.Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = http.post("/v2/notifications/sms", "Bearer " + Jwt.forKey(service.normalKey()), body);
            statuses.add(last.status());
        }

        assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429);
        assertThat(last.error()).isEqualTo("RateLimitError");
        assertThat(last.message()).isEqualTo("Exceeded rate limit for key type LIVE of 5 requests per 60 seconds");
        // Each key type has its own bucket.
        assertThat(http.post("/v2/notifications/sms", "Bearer " + Jwt.forKey(service.testKey()), body).status())
                .isEqualTo(201);
    }

    private static List<V2Http.Reply> concurrently(int count, Callable<V2Http.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<V2Http.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
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
