package org.notifyhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.jobs.Job;
import org.notifyhub.jobs.JobCsvStore;
import org.notifyhub.jobs.JobRepository;
import org.notifyhub.jobs.JobTasks;
import org.notifyhub.queues.JobTask;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.notifyhub.support.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Benchmark, not part of the suite (the name ends in Benchmark): a 100,000-row SMS job from pending to every row
 * persisted and its send queued, on the hub's embedded servers. Sending is paused (deliver-sms stopped) so the send
 * queue's depth shows what was queued. Heap is sampled throughout; a 10,000-row job first gives the comparison that
 * shows whether memory grows with the file. Run: see README "Benchmarks". Results go to target/benchmarks/.
 */
class JobProcessingBenchmark extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ObjectStorage store;

    @Autowired
    private JobRepository jobs;

    @Autowired
    private JobTasks tasks;

    @Autowired
    private SqsClient sqs;

    @Autowired
    private CamelContext camel;

    @Value("${notify.queues.send-sms-tasks}")
    private String sendQueue;

    @Value("${notify.queues.database-tasks}")
    private String databaseTasks;

    @Test
    void oneHundredThousandRowSmsJob() throws Exception {
        camel.getRouteController().stopRoute("deliver-sms");
        TestService service = testServices.create(false, List.of("sms"));
        StringBuilder report = new StringBuilder();
        report.append(run(service, 10_000)).append('\n');
        report.append(run(service, 100_000)).append('\n');
        Path out = Path.of("target", "benchmarks", "job-processing.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private String run(TestService service, int rows) throws Exception {
        String queueUrl = sqs.getQueueUrl(r -> r.queueName(sendQueue)).queueUrl();
        sqs.purgeQueue(r -> r.queueUrl(queueUrl));
        Job job = pendingJob(service, rows);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        long start = System.nanoTime();
        tasks.send(List.of(JobTask.processJob(job.id())));
        long persisted;
        long queued = 0;
        do {
            Thread.sleep(250);
            persisted = jdbc.sql("SELECT count(*) FROM notifications WHERE job_id = :id").param("id", job.id())
                    .query(Long.class).single();
            // ElasticMQ counts a queue by walking it: asked only once every row is saved
            queued = persisted < rows ? 0 : depth(queueUrl);
        } while ((persisted < rows || queued < rows) && System.nanoTime() - start < Duration.ofMinutes(5).toNanos());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        sampler.interrupt();
        long liveAfterGc = oldGenerationAfterGc();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();

        assertThat(persisted).isEqualTo(rows);
        assertThat(queued).isEqualTo(rows);
        return String.format("%,d-row SMS job: pending to %,d persisted and %,d sends queued in %.1f s (%,.0f rows/s);"
                        + " heap used: %d MB before, %d MB peak (garbage included), %d MB old generation after the last"
                        + " collection in the run, %d MB after GC (max heap %d MB)",
                rows, persisted, queued, elapsed.toMillis() / 1000.0, rows / (elapsed.toMillis() / 1000.0),
                mb(baseline), mb(peak.get()), mb(liveAfterGc), mb(after), mb(memory.getHeapMemoryUsage().getMax()));
    }

    private long depth(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private Job pendingJob(TestService service, int rows) {
        UUID id = UUID.randomUUID();
        StringBuilder csv = new StringBuilder(rows * 30).append("phone number,name\n");
        for (int i = 0; i < rows; i++) {
            csv.append("07800").append(String.format("%06d", i)).append(",Person ").append(i).append('\n');
        }
        store.put("notifications-csv-upload", JobCsvStore.key(service.id(), id),
                csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        int version = jdbc.sql("SELECT version FROM templates WHERE id = :id").param("id", service.smsTemplate())
                .query(Integer.class).single();
        Job job = new Job(id, "benchmark.csv", service.id(), service.smsTemplate(), version,
                LocalDateTime.now(ZoneOffset.UTC), null, rows, null, null, TestServices.SYSTEM_USER, null, Job.PENDING,
                false, null, null);
        jobs.insert(job);
        return job;
    }

    /** What survived the most recent collection in the old generation: the live set, without uncollected garbage. */
    private static long oldGenerationAfterGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().contains("Old Gen") && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed())
                .sum();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
