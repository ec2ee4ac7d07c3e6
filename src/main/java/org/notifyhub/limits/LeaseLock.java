package org.notifyhub.limits;

import java.util.concurrent.locks.ReentrantLock;

/**
 * This node's lock on one allowance or bucket, remembering when a lease on its shared row last failed. For a lease
 * timeout after that, {@link LeaseWait} refuses the sends that need a lease at once instead of letting each wait on
 * the row again: a service whose limit rows are stuck takes one request thread at a time, not all of them.
 */
final class LeaseLock extends ReentrantLock {

    private volatile boolean failed;
    private volatile long failedAt;

    void failed(long nanos) {
        failedAt = nanos;
        failed = true;
    }

    void succeeded() {
        failed = false;
    }

    /** Whether the last lease failed less than {@code periodNanos} before {@code nanos}. */
    boolean failedWithin(long periodNanos, long nanos) {
        return failed && nanos - failedAt < periodNanos;
    }
}
