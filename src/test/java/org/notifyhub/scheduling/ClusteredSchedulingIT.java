package org.notifyhub.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one database and one set of queues: Quartz's clustered store fires each trigger on one node only.
 * In the test context no trigger fires; this test alone runs one, compressed to every 2 s, and puts everything back.
 */
class ClusteredSchedulingIT extends HubIntegrationTest {

    private static final String JOB = "replay-created-notifications";
    private static final String EVERY_TWO_SECONDS = "0/2 * * * * ?";
    private static final TriggerKey TRIGGER = TriggerKey.triggerKey(JOB, "notify");

    @Autowired
    private Environment environment;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Scheduler scheduler;

    @Test
    void aScheduledJobFiresOnceAcrossTwoNodes() throws Exception {
        Map<String, Object> properties = ExtraNode.sharingInfrastructureOf(environment);
        properties.put("notify.node-name", "node-2");
        properties.put("notify.roles", "scheduler");
        properties.put("notify.data-dir", Files.createTempDirectory("notify-hub-node-2-").toString());
        // the same schedule as this node's trigger, or node-2 would reset it to the real one as it starts
        properties.put("notify.schedules." + JOB, EVERY_TWO_SECONDS);

        Trigger configured = scheduler.getTrigger(TRIGGER);
        // Every other job stays paused, on both nodes, so neither runs anything the rest of the suite would notice.
        scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(TRIGGER.getGroup()));
        scheduler.rescheduleJob(TRIGGER, TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(configured.getJobKey())
                .withSchedule(CronScheduleBuilder.cronSchedule(EVERY_TWO_SECONDS)
                        .inTimeZone(TimeZone.getTimeZone("Europe/London"))).build());
        scheduler.resumeTrigger(TRIGGER);
        scheduler.start();
        try {
            firesOnceAcrossTwoNodes(properties);
        } finally {
            scheduler.standby();
            scheduler.rescheduleJob(TRIGGER, configured.getTriggerBuilder().startNow().build());
            scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(TRIGGER.getGroup()));
        }
    }

    private void firesOnceAcrossTwoNodes(Map<String, Object> properties) throws Exception {
        // This node fires alone first; the window then covers both nodes, whichever Quartz favours once both run.
        LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC);
        String thisNode = environment.getProperty("notify.node-name");
        await().atMost(Duration.ofSeconds(30)).until(() -> firingsSince(since).stream()
                .anyMatch(firing -> firing.node().equals(thisNode)));
        try (ExtraNode second = ExtraNode.start("node-2", properties)) {
            // A scheduler-only node does not serve the API.
            assertThat(second.status("POST", "/v2/notifications/email")).isEqualTo(404);
            // Outside the local default the operator endpoints need credentials, and none are configured here.
            assertThat(second.status("GET", "/actuator/jolokia")).isEqualTo(401);

            await().atMost(Duration.ofSeconds(30)).until(() -> firingsSince(since).size() >= 4);

            // Quartz keeps a trigger on the node that last fired it; pausing that node shows the other takes over.
            scheduler.standby();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> firingsSince(since).stream()
                        .anyMatch(firing -> firing.node().equals("node-2")));
            } finally {
                scheduler.start();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> firingsSince(since).size() >= 10);

            List<Firing> firings = firingsSince(since);
            assertThat(firings).extracting(Firing::node).contains("node-2", thisNode);
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
