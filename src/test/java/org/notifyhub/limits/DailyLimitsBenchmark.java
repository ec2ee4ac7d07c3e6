package org.notifyhub.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not part of the suite (the name ends in Benchmark): one service's daily limit taken by many threads at
 * once, the way it was (a guarded update of the counter row per send, the lock held through the commit) against this
 * node's leases. Also shows that neither passes the limit. Results go to target/benchmarks/daily-limits.md.
 */
class DailyLimitsBenchmark extends HubIntegrationTest {

    private static final int THREADS = 16;
    private static final Duration RUN = Duration.ofSeconds(10);
    private static final long LIMIT = 1_000_000_000_000L;

    @Autowired
    private DailyLimitRepository counters;

    @Autowired
    private DailyAllowances allowances;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void perSendRowUpdateAgainstLeases() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 1);
        TestService perSend = testServices.create(false, List.of("email"));
        TestService leased = testServices.create(false, List.of("email"));
        AllowanceKey leasedKey = new AllowanceKey(leased.id(), "email", day);

        double rowPerSend = run(() -> Boolean.TRUE.equals(transaction.execute(
                status -> counters.tryAdd(perSend.id(), "email", day, 1, LIMIT))));
        double leases = run(() -> allowances.take(leasedKey, LIMIT));
        allowances.handBack(leasedKey);

        // a small limit, raced for: exact either way
        TestService small = testServices.create(false, List.of("email"));
        AllowanceKey smallKey = new AllowanceKey(small.id(), "email", day);
        long accepted = race(() -> allowances.take(smallKey, 5_000), 20_000);
        allowances.handBack(smallKey);

        String report = String.format(Locale.ROOT, """
                        # Daily limit: %d threads taking one service's allowance for %d s

                        | how | takes/s |
                        |---|---|
                        | guarded update of the counter row per send, own transaction | %,.0f |
                        | this node's leases (blocks of 1/16 of what is left, at most 500) | %,.0f |

                        %,d threads making 20,000 attempts on a limit of 5,000: %,d accepted; counter row %,d.
                        """, THREADS, RUN.toSeconds(), rowPerSend, leases, THREADS, accepted,
                counted(small.id(), day));
        Path out = Path.of("target", "benchmarks", "daily-limits.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(accepted).isEqualTo(5_000);
    }

    private long counted(UUID serviceId, LocalDate day) {
        return jdbc.sql("SELECT count FROM daily_limit_counters WHERE service_id = :s AND day = :d AND channel = 'email'")
                .param("s", serviceId).param("d", day).query(Long.class).single();
    }

    private static double run(BooleanSupplier take) throws Exception {
        long deadline = System.nanoTime() + RUN.toNanos();
        List<Long> counts = inThreads(() -> {
            long taken = 0;
            while (System.nanoTime() < deadline) {
                if (take.getAsBoolean()) {
                    taken++;
                }
            }
            return taken;
        });
        return counts.stream().mapToLong(Long::longValue).sum() / (double) RUN.toSeconds();
    }

    private static long race(BooleanSupplier take, int attempts) throws Exception {
        return inThreads(() -> {
            long taken = 0;
            for (int i = 0; i < attempts / THREADS; i++) {
                if (take.getAsBoolean()) {
                    taken++;
                }
            }
            return taken;
        }).stream().mapToLong(Long::longValue).sum();
    }

    private static List<Long> inThreads(Callable<Long> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<Long> results = new ArrayList<>();
            for (Future<Long> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
