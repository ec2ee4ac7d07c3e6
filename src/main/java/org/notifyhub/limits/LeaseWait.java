package org.notifyhub.limits;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * How long a send may wait for a lease on its limits ({@code notify.limits.lease-timeout}): for this node's lock on an
 * allowance or bucket, and for each statement on the shared row ({@link LeaseTimeoutRepository}). A row held by
 * another transaction, a slow or failing database then costs a request at most a few timeouts and a 503
 * ({@link LimitsUnavailableException}), never an open-ended wait nor a 500; and once a lease has failed, the sends of that limit are refused at once for a timeout
 * (one of them then tries the row again), so one service's stuck rows do not tie up every request thread of the node.
 */
@Component
public class LeaseWait {

    private static final Logger log = LoggerFactory.getLogger(LeaseWait.class);

    private final Duration timeout;
    private final LongSupplier nanoTime;

    @Autowired
    public LeaseWait(@Value("${notify.limits.lease-timeout:2s}") Duration timeout) {
        this(timeout, System::nanoTime);
    }

    LeaseWait(Duration timeout, LongSupplier nanoTime) {
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes this node's lock on one allowance or bucket, or refuses the send: when another send holds it too long,
     * or at once while its last lease has just failed.
     */
    void lock(LeaseLock lock, Object what) {
        boolean failing = lock.failedWithin(timeout.toNanos(), nanoTime.getAsLong());
        try {
            if (failing ? lock.tryLock() : lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw refused(what, failing ? null : "another send's lease took longer than " + timeout);
    }

    /** A lease on the shared rows under this lock: refused at once while the last one has just failed. */
    <T> T lease(LeaseLock lock, Object what, Supplier<T> call) {
        if (lock.failedWithin(timeout.toNanos(), nanoTime.getAsLong())) {
            throw refused(what, null);
        }
        try {
            T leased = onSharedRows(what, call);
            lock.succeeded();
            return leased;
        } catch (LimitsUnavailableException e) {
            lock.failed(nanoTime.getAsLong());
            throw e;
        }
    }

    /** Runs a statement on the shared rows; its failure (a timeout included) refuses the send. */
    <T> T onSharedRows(Object what, Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            throw refused(what, e.getMostSpecificCause().getMessage());
        }
    }

    /** A 503 for the send; logged with its reason, not for each send refused while a failure is fresh. */
    private static LimitsUnavailableException refused(Object what, String why) {
        if (why != null) {
            log.warn("Limits of {} could not be checked: {}", what, why);
        }
        return new LimitsUnavailableException("Sending limits could not be checked, try again later");
    }
}
