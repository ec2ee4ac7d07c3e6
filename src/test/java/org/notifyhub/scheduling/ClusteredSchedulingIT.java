package org.notifyhub.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two nodes on one database and one set of queues: Quartz's clustered store fires each trigger on one node only. */
class ClusteredSchedulingIT extends HubIntegrationTest {

    private static final String JOB = "replay-created-notifications";

    @Autowired
    private Environment environment;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aScheduledJobFiresOnceAcrossTwoNodes() throws Exception {
        Map<String, Object> properties = ExtraNode.sharingInfrastructureOf(environment);
        properties.put("notify.node-name", "node-2");
        properties.put("notify.roles", "scheduler");
        properties.put("notify.data-dir", Files.createTempDirectory("notify-hub-node-2-").toString());

        try (ConfigurableApplicationContext second = ExtraNode.start(properties)) {
            CamelContext secondCamel = second.getBean(CamelContext.class);
            assertThat(secondCamel.getRouteController().getRouteStatus(JOB + "-trigger")).isEqualTo(ServiceStatus.Started);
            // A scheduler-only node does not serve the API.
            assertThat(secondCamel.getRouteController().getRouteStatus("post-email-notification"))
                    .isNotEqualTo(ServiceStatus.Started);

            LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC);
            await().atMost(Duration.ofSeconds(30)).until(() -> firingsSince(since).size() >= 5);

            List<Firing> firings = firingsSince(since);
            assertThat(firings).extracting(Firing::scheduledFireTime).doesNotHaveDuplicates();
        }
    }

    private record Firing(LocalDateTime scheduledFireTime, String node) {
    }

    private List<Firing> firingsSince(LocalDateTime since) {
        return jdbc.sql("""
                        SELECT scheduled_fire_time, node FROM scheduled_job_runs
                        WHERE job_name = :job AND scheduled_fire_time >= :since ORDER BY scheduled_fire_time""")
                .param("job", JOB)
                .param("since", since)
                .query((rs, n) -> new Firing(rs.getObject(1, LocalDateTime.class), rs.getString(2)))
                .list();
    }
}
