package org.notifyhub.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.queues.JobTask;
import org.notifyhub.queues.SaveTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jobs that a dead node left part-done come back by themselves: exactly one notification per row, none twice.
 * The state a node leaves when it dies mid-stream is set up directly: some rows saved, some save tasks still on the
 * queue, the job in progress since long ago.
 */
class JobRecoveryIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ObjectStorage store;

    @Autowired
    private JobRepository jobs;

    @Autowired
    private JobRowSaver saver;

    @Autowired
    private JobWatchdogs watchdogs;

    @Autowired
    private Encryption encryption;

    @Autowired
    private Outbox outbox;

    @Autowired
    private Environment environment;

    @Autowired
    private org.apache.camel.CamelContext camel;

    @Autowired
    private software.amazon.awssdk.services.sqs.SqsClient sqs;

    @Value("${notify.queues.send-sms-tasks}")
    private String sendSmsQueue;

    @Value("${notify.queues.database-tasks}")
    private String databaseTasks;

    @Test
    void aJobStoppedMidStreamCompletesWithExactlyOneNotificationPerRow() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        int rows = 500;
        Job job = job(service, rows, "in progress", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(31), null);
        // the dead node had saved rows 0–199 and queued rows 150–249 before it stopped
        saver.save(task(job, 0, 200));
        outbox.sendText(databaseTasks, task(job, 150, 250), 0);

        watchdogs.checkJobStatus();

        await().atMost(Duration.ofSeconds(60)).until(() -> "finished".equals(status(job)) && count(job) >= rows);
        Thread.sleep(1000); // anything still in flight would land now
        assertThat(count(job)).isEqualTo(rows);
        assertThat(distinctRows(job)).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT processing_started FROM jobs WHERE id = :id").param("id", job.id())
                .query(LocalDateTime.class).single()).isAfter(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5));
    }

    /**
     * The real thing: a second node, in its own JVM with its own queue prefix so only it takes the job, is killed
     * (SIGKILL) while it works through the file. Its unfinished save tasks are stranded on its queue; the watchdogs
     * here bring the job to exactly one notification per row.
     */
    @Test
    void aJobWhoseNodeIsKilledMidStreamCompletesAfterRecovery() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        int rows = 5_000;
        Job job = job(service, rows, "pending", null, null);
        // the recovered rows' sends are not what this test is about: they wait, and are let go as delivered at the end
        camel.getRouteController().stopRoute("deliver-sms");
        Map<String, Object> properties = ExtraNode.sharingInfrastructureOf(environment);
        properties.put("notify.node-name", "doomed-worker");
        properties.put("notify.roles", "worker");
        properties.put("notify.queue-prefix", "doomed-");
        properties.put("notify.data-dir", Files.createTempDirectory("notify-hub-doomed-").toString());

        ExtraNode doomed = ExtraNode.start("doomed-worker", properties);
        try {
            outbox.send("doomed-job-tasks", JobTask.processJob(job.id()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> count(job) > 0);
        } finally {
            doomed.kill();
        }
        long savedWhenKilled = count(job);
        assertThat(savedWhenKilled).as("killed part-way").isLessThan(rows);

        // half an hour later, as the watchdogs see it (whether the file was read to its end or not)
        jdbc.sql("UPDATE jobs SET processing_started = processing_started - interval '31 minutes',"
                        + " processing_finished = processing_finished - interval '30 minutes' WHERE id = :id")
                .param("id", job.id()).update();
        watchdogs.checkJobStatus();
        watchdogs.checkForMissingRows();

        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> count(job) >= rows && "finished".equals(status(job)));
            Thread.sleep(1000);
            assertThat(count(job)).isEqualTo(rows);
            assertThat(distinctRows(job)).isEqualTo(rows);
        } finally {
            jdbc.sql("UPDATE notifications SET notification_status = 'delivered' WHERE job_id = :id")
                    .param("id", job.id()).update();
            // thousands of sends would hold up the tests after this one: they are dropped, not drained
            sqs.purgeQueue(r -> r.queueUrl(sqs.getQueueUrl(q -> q.queueName(sendSmsQueue)).queueUrl()));
            camel.getRouteController().startRoute("deliver-sms");
        }
    }

    @Test
    void aScheduledJobNeverPickedUpIsStartedHalfAnHourAfterItsTime() {
        TestService service = testServices.create(false, List.of("sms"));
        Job job = job(service, 20, "pending", null, LocalDateTime.now(ZoneOffset.UTC).minusMinutes(31));

        watchdogs.checkJobStatus();

        await().atMost(Duration.ofSeconds(30)).until(() -> "finished".equals(status(job)) && count(job) == 20);
        assertThat(distinctRows(job)).isEqualTo(20);
    }

    @Test
    void duplicateSaveTasksCreateOneRowEach() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        Job job = job(service, 10, "in progress", LocalDateTime.now(ZoneOffset.UTC), null);
        String task = task(job, 0, 10);

        int first = saver.save(task);
        int again = saver.save(task);
        int sameRowsNewIds = saver.save(task(job, 0, 10));

        assertThat(first).isEqualTo(10);
        assertThat(again).isZero();
        assertThat(sameRowsNewIds).isZero();
        assertThat(count(job)).isEqualTo(10);
        assertThat(distinctRows(job)).isEqualTo(10);
    }

    @Test
    void aFinishedJobMissingRowsGetsThemBack() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        Job job = job(service, 50, "finished", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(40), null);
        jdbc.sql("UPDATE jobs SET processing_finished = :t WHERE id = :id")
                .param("t", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(30)).param("id", job.id()).update();
        saver.save(task(job, 0, 20));
        saver.save(task(job, 30, 50)); // rows 20–29 were lost

        watchdogs.checkForMissingRows();

        await().atMost(Duration.ofSeconds(30)).until(() -> count(job) == 50);
        assertThat(distinctRows(job)).isEqualTo(50);
        assertThat(status(job)).isEqualTo("finished");
    }

    /** A job whose CSV is in the bucket: rows of UK mobile numbers. */
    private Job job(TestService service, int rows, String status, LocalDateTime started, LocalDateTime scheduledFor) {
        UUID id = UUID.randomUUID();
        StringBuilder csv = new StringBuilder("phone number,name\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("07800%06d,Person %d%n", 200000 + i, i));
        }
        store.put("notifications-csv-upload", JobCsvStore.key(service.id(), id), csv.toString().getBytes(), "text/csv",
                Map.of());
        int version = jdbc.sql("SELECT version FROM templates WHERE id = :id").param("id", service.smsTemplate())
                .query(Integer.class).single();
        Job job = new Job(id, "people.csv", service.id(), service.smsTemplate(), version,
                LocalDateTime.now(ZoneOffset.UTC).minusHours(1), null, rows, started, null, TestServices.SYSTEM_USER,
                scheduledFor, status, false, null, null);
        jobs.insert(job);
        jdbc.sql("UPDATE jobs SET processing_started = :s WHERE id = :id").param("s", started).param("id", id).update();
        return job;
    }

    /** A save-sms task for rows [from, to) with fresh notification ids. */
    private String task(Job job, int from, int to) throws Exception {
        List<SaveTask.Row> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(new SaveTask.Row(UUID.randomUUID(), i, String.format("07800%06d", 200000 + i),
                    Map.of("phone number", String.format("07800%06d", 200000 + i), "name", "Person " + i)));
        }
        return mapper.writeValueAsString(new SaveTask("save-sms", job.id(),
                encryption.encrypt(mapper.writeValueAsString(rows))));
    }

    private String status(Job job) {
        return jdbc.sql("SELECT job_status FROM jobs WHERE id = :id").param("id", job.id()).query(String.class).single();
    }

    private long count(Job job) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE job_id = :id").param("id", job.id())
                .query(Long.class).single();
    }

    private long distinctRows(Job job) {
        return jdbc.sql("SELECT count(DISTINCT job_row_number) FROM notifications WHERE job_id = :id")
                .param("id", job.id()).query(Long.class).single();
    }
}
