package org.notifyhub.limits;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's leases on the daily limits. A send does not touch the shared counter row: it takes one unit from a block
 * the node leased from the row (one short transaction of its own per block, see {@link LeaseSizing}), so the sends of
 * one service no longer queue on one row lock held through every insert's commit. The row counts every unit sent or
 * leased, and a lease is granted only while that stays within the limit, so all nodes together never accept more than
 * the limit; near the end of the day's allowance blocks are one unit, and the last sends are exact.
 * <p>
 * A node hands back what it has not used: an allowance idle for {@code notify.limits.lease-idle} (which also covers
 * the day changing, as yesterday's allowances fall idle), all of them when the node shuts down, one when its limit
 * changes (it is leased again under the new limit), and a service's own when a CSV job needs the whole remainder.
 * <p>
 * A node that dies holding leases (killed, or its database unreachable when it stops) never hands them back: those
 * units stay counted on the row and are lost to the service for that day only, at most one block per allowance the
 * node held, each a {@code 1/share} part of what was left and at most {@code max-block}. The limit is never passed;
 * tomorrow's row starts from zero. Between leases, while another node holds unused units, this node may refuse a send
 * that the limit would still allow (until the other hands back or uses them), never the other way round.
 */
@Component
public class DailyAllowances {

    private static final Logger log = LoggerFactory.getLogger(DailyAllowances.class);

    private final AllowanceLedger ledger;
    private final LeaseSizing sizing;
    private final LeaseWait wait;
    private final Duration idle;
    private final LongSupplier nanoTime;
    private final Map<AllowanceKey, Allowance> allowances = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    @Autowired
    public DailyAllowances(DailyLimitRepository ledger,
                           @Value("${notify.limits.lease-share:16}") long share,
                           @Value("${notify.limits.lease-max-block:500}") long maxBlock,
                           @Value("${notify.limits.lease-idle:5s}") Duration idle, LeaseWait wait) {
        this(ledger, new LeaseSizing(share, maxBlock), idle, System::nanoTime, wait);
    }

    DailyAllowances(AllowanceLedger ledger, LeaseSizing sizing, Duration idle, LongSupplier nanoTime, LeaseWait wait) {
        this.ledger = ledger;
        this.sizing = sizing;
        this.wait = wait;
        this.idle = idle;
        this.nanoTime = nanoTime;
    }

    @PostConstruct
    void startSweeping() {
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "daily-limit-leases");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, idle.toMillis() / 2);
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                handBackIdle(idle);
            } catch (RuntimeException e) {
                log.warn("Could not hand back idle daily-limit leases: {}", e.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void handBackAllOnShutdown() throws InterruptedException {
        if (sweeper != null) {
            sweeper.shutdown();
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
        }
        try {
            handBackIdle(Duration.ZERO);
        } catch (RuntimeException e) {
            log.warn("Could not hand back daily-limit leases on shutdown; they are lost for the day: {}", e.getMessage());
        }
    }

    /**
     * Takes one unit of the allowance, leasing a block when this node holds none; false when the limit is reached.
     * Throws {@link LimitsUnavailableException}, having taken nothing, when the lease does not come in time.
     */
    public boolean take(AllowanceKey key, long limit) {
        while (true) {
            Allowance allowance = allowances.computeIfAbsent(key, k -> new Allowance());
            wait.lock(allowance.lock, key);
            try {
                if (allowance.retired) {
                    continue;
                }
                allowance.lastUsed = nanoTime.getAsLong();
                if (allowance.limit != limit && allowance.held > 0) {
                    handBackInTime(key, allowance.held);
                    allowance.held = 0;
                }
                allowance.limit = limit;
                if (allowance.held == 0) {
                    allowance.held = wait.lease(allowance.lock, key, () -> ledger.lease(key, limit, sizing));
                }
                if (allowance.held == 0) {
                    return false;
                }
                allowance.held--;
                return true;
            } finally {
                allowance.lock.unlock();
            }
        }
    }

    /** Puts back one unit taken and not used (the send failed after all). */
    public void giveBack(AllowanceKey key) {
        Allowance allowance = allowances.get(key);
        if (allowance != null) {
            allowance.lock.lock();
            try {
                if (!allowance.retired) {
                    allowance.held++;
                    return;
                }
            } finally {
                allowance.lock.unlock();
            }
        }
        handBackInTime(key, 1);
    }

    /** A hand-back on a send's path: in time, or the send is refused with a 503. */
    private void handBackInTime(AllowanceKey key, long units) {
        wait.onSharedRows(key, () -> {
            ledger.handBack(key, units);
            return units;
        });
    }

    /** Hands back everything this node holds of one allowance; returns how much that was. */
    public long handBack(AllowanceKey key) {
        Allowance allowance = allowances.get(key);
        return allowance == null ? 0 : retire(key, allowance);
    }

    /** Hands back the allowances not used for {@code idleFor}; returns the units handed back. */
    public long handBackIdle(Duration idleFor) {
        long now = nanoTime.getAsLong();
        long handedBack = 0;
        for (Map.Entry<AllowanceKey, Allowance> entry : allowances.entrySet()) {
            if (now - entry.getValue().lastUsed >= idleFor.toNanos()) {
                handedBack += retire(entry.getKey(), entry.getValue());
            }
        }
        return handedBack;
    }

    /** The units this node holds of one allowance, leased and not yet used. */
    long held(AllowanceKey key) {
        Allowance allowance = allowances.get(key);
        return allowance == null ? 0 : allowance.held;
    }

    private long retire(AllowanceKey key, Allowance allowance) {
        allowance.lock.lock();
        try {
            if (allowance.retired) {
                return 0;
            }
            long units = allowance.held;
            if (units > 0) {
                ledger.handBack(key, units);
            }
            allowance.held = 0;
            allowance.retired = true;
            allowances.remove(key, allowance);
            return units;
        } finally {
            allowance.lock.unlock();
        }
    }

    /** What this node holds of one allowance; guarded by its lock. */
    private static final class Allowance {
        private final LeaseLock lock = new LeaseLock();
        private long limit = -1;
        private long held;
        private long lastUsed;
        private boolean retired;
    }
}
