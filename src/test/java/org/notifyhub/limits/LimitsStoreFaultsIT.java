package org.notifyhub.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.V2Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A send whose limit rows are locked by another transaction, or whose limits table fails, is refused within a few
 * seconds with a 503 in Notify's envelope, having counted and saved nothing, and sends go through again within a lease
 * timeout of the fault's end (README "Limits"). Before notify.limits.lease-timeout it waited as long as the lock was held, or got a 500.
 */
class LimitsStoreFaultsIT extends HubIntegrationTest {

    /** Well above two lease timeouts (node lock, then statement), well below an open-ended wait. */
    private static final long ANSWER_WITHIN_SECONDS = 8;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcClient jdbc;

    /** A step of a fault, on a connection of its own that is not autocommitted. */
    private interface Step {
        void run(Connection connection, UUID serviceId) throws Exception;
    }

    private static final Step ROLLBACK = (connection, serviceId) -> connection.rollback();

    @Test
    void aSendWhoseRateLimitRowIsLockedIsRefusedInTime() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        assertThat(send(service).status()).isEqualTo(201);
        Thread.sleep(1_200); // this node's leased tokens expire (rate-lease 1 s): the next send leases on the row

        assertRefusedThenRecovers(service, (connection, id) -> lock(connection, "rate_limit_buckets", id), ROLLBACK);
    }

    @Test
    void aSendWhoseDailyLimitRowIsLockedIsRefusedInTimeAndCountsNothing() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        testServices.setDailyLimit(service.id(), "sms", 10); // blocks of one unit: every send leases on the row
        assertThat(send(service).status()).isEqualTo(201);

        assertRefusedThenRecovers(service, (connection, id) -> lock(connection, "daily_limit_counters", id), ROLLBACK);
        assertThat(jdbc.sql("SELECT count FROM daily_limit_counters WHERE service_id = :id AND channel = 'sms'")
                .param("id", service.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aSendWhoseLimitsTableFailsIsRefusedWith503NotA500() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        assertThat(send(service).status()).isEqualTo(201);
        Thread.sleep(1_200);

        assertRefusedThenRecovers(service,
                (connection, id) -> rename(connection, "rate_limit_buckets", "rate_limit_buckets_away"),
                (connection, id) -> rename(connection, "rate_limit_buckets_away", "rate_limit_buckets"));
    }

    /** One send while the fault holds; the fault is repaired before the next send. */
    private void assertRefusedThenRecovers(TestService service, Step fault, Step repair) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        V2Http.Reply refused;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            fault.run(connection, service.id());
            Future<V2Http.Reply> reply = pool.submit(() -> send(service));
            try {
                refused = reply.get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
            } finally {
                repair.run(connection, service.id());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(503);
        assertThat(refused.error()).isEqualTo("ServiceUnavailable");
        assertThat(refused.message()).isEqualTo("Sending limits could not be checked, try again later");
        // sends are refused at once for a lease timeout (2 s) after the failure, then one tries the row again
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(500))
                .until(() -> send(service).status() == 201);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :id").param("id", service.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    /** The table gone for everyone (committed), as a failed migration or a dropped table would leave it. */
    private static void rename(Connection connection, String from, String to) throws Exception {
        try (PreparedStatement rename = connection.prepareStatement("ALTER TABLE " + from + " RENAME TO " + to)) {
            rename.execute();
        }
        connection.commit();
    }

    private static void lock(Connection connection, String table, UUID serviceId) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE service_id = ? FOR UPDATE")) {
            lock.setObject(1, serviceId);
            assertThat(lock.executeQuery().next()).as("a row of " + table).isTrue();
        }
    }

    private V2Http.Reply send(TestService service) throws Exception {
        return new V2Http(mapper, baseUrl()).post("/v2/notifications/sms", "Bearer " + Jwt.forKey(service.normalKey()),
                "{\"phone_number\": \"07700900123\", \"template_id\": \"" + service.smsTemplate()
                        + "\", \"personalisation\": {\"name\": \"Fault\"}}");
    }
}
