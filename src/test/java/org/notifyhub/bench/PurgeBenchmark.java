package org.notifyhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.notifyhub.retention.NotificationPurge;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not part of the suite: the purge of 1,000,000 notifications past their retention (one service's, 20
 * days old) on the hub's embedded servers, while the API takes text messages at a steady rate. The API's latency with
 * no purge running is the baseline, measured in the same run. Writes target/benchmarks/purge.md.
 */
class PurgeBenchmark extends HubIntegrationTest {

    private static final int NOTIFICATIONS = Integer.getInteger("bench.purge.notifications", 1_000_000);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.purge.rate", "50"));
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int BASELINE_WINDOWS = 6;

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private NotificationPurge purge;

    @Test
    void aMillionNotificationsPurgedWhileTheApiTakesSends() throws Exception {
        TestService old = testServices.create(false, List.of("sms"));
        TestService live = testServices.create(false, List.of("sms"));
        long inserting = System.nanoTime();
        for (int from = 0; from < NOTIFICATIONS; from += 100_000) {
            jdbc.sql("""
                            INSERT INTO notifications (id, "to", normalised_to, service_id, template_id, template_version,
                                   key_type, notification_type, created_at, notification_status, _personalisation,
                                   billable_units, sent_at, sent_by)
                            SELECT gen_random_uuid(), '07700900123', '447700900123', :service, :template, 1, 'normal',
                                   'sms', :createdAt - make_interval(secs => n), 'delivered', 'v2:secret', 1,
                                   :createdAt - make_interval(secs => n), 'firetext'
                            FROM generate_series(:from + 1, :to) AS n""")
                    .param("service", old.id()).param("template", old.smsTemplate())
                    .param("createdAt", LocalDateTime.now().minusDays(20)).param("from", from)
                    .param("to", Math.min(from + 100_000, NOTIFICATIONS)).update();
        }
        double insertSeconds = (System.nanoTime() - inserting) / 1e9;
        // let the bulk insert settle (vacuum, statistics, its WAL checkpointed), so the baseline is the API's own
        jdbc.sql("VACUUM ANALYZE notifications").update();
        jdbc.sql("CHECKPOINT").update();
        LoadGenerator load = new LoadGenerator(baseUrl());
        List<LoadGenerator.Target> sends = List.of(LoadGenerator.Target.sms(live.normalKey(), live.smsTemplate()));
        load.openLoop(sends, RATE, Duration.ofSeconds(10), 200); // warm-up
        // the baseline in the same windows as the purge's, as many, so the worst of each is compared like with like
        List<LoadGenerator.OpenLoopResult> baseline = new ArrayList<>();
        for (int window = 0; window < BASELINE_WINDOWS; window++) {
            baseline.add(load.openLoop(sends, RATE, WINDOW, 200));
        }

        long purging = System.nanoTime();
        CompletableFuture<NotificationPurge.Purged> running = CompletableFuture.supplyAsync(() -> purge.service(old.id()));
        List<LoadGenerator.OpenLoopResult> during = new ArrayList<>();
        while (!running.isDone()) {
            during.add(load.openLoop(sends, RATE, WINDOW, 200));
        }
        double purgeSeconds = (System.nanoTime() - purging) / 1e9;
        NotificationPurge.Purged purged = running.get();

        long failed = during.stream().mapToLong(LoadGenerator.OpenLoopResult::failed).sum();
        String table = String.format(Locale.ROOT, """
                        | measure | value |
                        |---|---|
                        | notifications inserted (setup, baseline of the machine's bulk writes) | %,d in %.1f s (%,.0f/s) |
                        | purge of them: moved to history and deleted | %,d in %.1f s (%,.0f/s) |
                        | API sends at %.0f/s in %d-s windows, no purge (baseline, %d windows): p99 median window / worst window / max | %s |
                        | the same during the purge (%d windows): p99 median window / worst window / max | %s |
                        | sends refused or failed during the purge | %d |
                        """, NOTIFICATIONS, insertSeconds, NOTIFICATIONS / insertSeconds,
                purged.notifications().values().stream().mapToInt(Integer::intValue).sum(), purgeSeconds,
                NOTIFICATIONS / purgeSeconds, RATE, WINDOW.toSeconds(), baseline.size(), latencies(baseline),
                during.size(), latencies(during), failed);
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("purge.md");
        Files.writeString(out, table);
        System.out.println(table);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :s").param("s", old.id())
                .query(Long.class).single()).isZero();
    }

    /** The windows' p99s, median and worst, and the slowest send of all. */
    private static String latencies(List<LoadGenerator.OpenLoopResult> windows) {
        double[] p99s = windows.stream().mapToDouble(LoadGenerator.OpenLoopResult::p99Ms).sorted().toArray();
        double max = windows.stream().mapToDouble(LoadGenerator.OpenLoopResult::maxMs).max().orElse(0);
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", p99s[p99s.length / 2], p99s[p99s.length - 1], max);
    }
}
