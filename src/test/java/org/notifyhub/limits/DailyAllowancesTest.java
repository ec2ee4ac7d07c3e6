package org.notifyhub.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/** Leases on a daily limit: blocks from the shared counter, spent locally, handed back when not used. */
class DailyAllowancesTest {

    private static final AllowanceKey KEY = new AllowanceKey(UUID.randomUUID(), "email", LocalDate.of(2026, 12, 4));
    private final LeaseSizing sizing = new LeaseSizing(16, 500);
    private final Ledger ledger = new Ledger();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aSendLeasesABlockAndLaterSendsSpendItWithoutTheLedger() {
        DailyAllowances node = node();

        assertThat(node.take(KEY, 1000)).isTrue();
        assertThat(ledger.taken(KEY)).isEqualTo(62);
        assertThat(node.held(KEY)).isEqualTo(61);
        for (int i = 0; i < 61; i++) {
            assertThat(node.take(KEY, 1000)).isTrue();
        }
        assertThat(ledger.leases).isEqualTo(1);

        assertThat(node.take(KEY, 1000)).isTrue();
        assertThat(ledger.leases).isEqualTo(2);
        assertThat(ledger.taken(KEY)).isEqualTo(62 + 58);
    }

    @Test
    void theLastOfTheAllowanceGoesOneAtATimeAndThenNothing() {
        DailyAllowances node = node();
        ledger.set(KEY, 995);

        for (int i = 0; i < 5; i++) {
            assertThat(node.take(KEY, 1000)).isTrue();
            assertThat(node.held(KEY)).isZero();
        }
        assertThat(node.take(KEY, 1000)).isFalse();
        assertThat(ledger.taken(KEY)).isEqualTo(1000);
    }

    @Test
    void idleAllowancesAreHandedBackAndUsedOnesKept() {
        DailyAllowances node = node();
        AllowanceKey busy = new AllowanceKey(KEY.serviceId(), "sms", KEY.day());
        node.take(KEY, 1000);
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        node.take(busy, 1000);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(node.handBackIdle(Duration.ofSeconds(5))).isEqualTo(61);

        assertThat(ledger.taken(KEY)).isEqualTo(1);
        assertThat(ledger.taken(busy)).isEqualTo(62);
        // a send after the hand-back leases again
        assertThat(node.take(KEY, 1000)).isTrue();
        assertThat(ledger.taken(KEY)).isEqualTo(1 + 62);
    }

    @Test
    void aChangedLimitHandsBackTheOldLeaseAndLeasesUnderTheNewOne() {
        DailyAllowances node = node();
        node.take(KEY, 1000);

        assertThat(node.take(KEY, 10)).isTrue();
        // the 61 held under the old limit went back; 10 - 1 = 9 left, a block of one
        assertThat(ledger.taken(KEY)).isEqualTo(2);
        assertThat(node.held(KEY)).isZero();

        // lowered below what is gone: nothing more
        assertThat(node.take(KEY, 2)).isFalse();
        assertThat(ledger.taken(KEY)).isEqualTo(2);
    }

    @Test
    void aUnitGivenBackIsSpentAgainOrReturnedOnceRetired() {
        DailyAllowances node = node();
        node.take(KEY, 1000);
        node.giveBack(KEY);
        assertThat(node.held(KEY)).isEqualTo(62);

        assertThat(node.take(KEY, 1000)).isTrue();
        assertThat(node.handBack(KEY)).isEqualTo(61);
        assertThat(ledger.taken(KEY)).isEqualTo(1);
        node.giveBack(KEY);
        assertThat(ledger.taken(KEY)).as("a unit taken before the hand-back goes straight back to the ledger").isZero();
    }

    @Test
    void twoNodesRacingForAnAllowanceAcceptExactlyTheLimit() throws Exception {
        DailyAllowances first = node();
        DailyAllowances second = node();
        long limit = 1_234;
        int threads = 16;
        int attemptsPerThread = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                DailyAllowances node = t % 2 == 0 ? first : second;
                Callable<Integer> sends = () -> {
                    start.await();
                    int accepted = 0;
                    for (int i = 0; i < attemptsPerThread; i++) {
                        if (node.take(KEY, limit)) {
                            accepted++;
                        }
                    }
                    return accepted;
                };
                results.add(pool.submit(sends));
            }
            start.countDown();
            long accepted = 0;
            for (Future<Integer> result : results) {
                accepted += result.get();
            }
            assertThat(accepted).isEqualTo(limit);
            assertThat(ledger.taken(KEY)).isEqualTo(limit);
            assertThat(first.held(KEY) + second.held(KEY)).isZero();
            assertThat(ledger.leases).isLessThan(limit / 4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingLedgerRefusesWithA503ThenOnlyOneSendATimeoutTriesItAgain() {
        DailyAllowances node = node();
        ledger.failing = true;

        assertThatThrownBy(() -> node.take(KEY, 10)).isInstanceOf(LimitsUnavailableException.class);
        nanos.addAndGet(Duration.ofMillis(1_900).toNanos());
        assertThatThrownBy(() -> node.take(KEY, 10)).isInstanceOf(LimitsUnavailableException.class);
        assertThat(ledger.calls).as("sends refused at once while the failure is fresh").isEqualTo(1);

        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        ledger.failing = false;
        assertThat(node.take(KEY, 10)).isTrue();
        assertThat(ledger.calls).isEqualTo(2);
        assertThat(ledger.taken(KEY)).as("nothing counted for the refused sends").isEqualTo(1);
    }

    private DailyAllowances node() {
        return new DailyAllowances(ledger, sizing, Duration.ofSeconds(5), nanos::get, new LeaseWait(Duration.ofSeconds(2), nanos::get));
    }

    /** The shared counter rows, in memory. */
    private static final class Ledger implements AllowanceLedger {
        private final Map<AllowanceKey, Long> taken = new HashMap<>();
        private long leases;
        private long calls;
        private boolean failing;

        @Override
        public synchronized long lease(AllowanceKey key, long limit, LeaseSizing sizing) {
            calls++;
            if (failing) {
                throw new QueryTimeoutException("canceling statement due to statement timeout");
            }
            long grant = sizing.grant(limit, taken(key));
            if (grant > 0) {
                leases++;
            }
            taken.merge(key, grant, Long::sum);
            return grant;
        }

        @Override
        public synchronized void handBack(AllowanceKey key, long units) {
            taken.merge(key, -units, Long::sum);
        }

        synchronized long taken(AllowanceKey key) {
            return taken.getOrDefault(key, 0L);
        }

        synchronized void set(AllowanceKey key, long units) {
            taken.put(key, units);
        }
    }
}
