package org.notifyhub.limits;

/**
 * The arithmetic of a shared token bucket that nodes lease tokens from (see {@link RateLimiter}), all times in seconds
 * on the database clock. The row holds the tokens left and the tokens leased in the current lease window (opened at
 * {@code windowStart}) and the window before (opened at {@code beforeStart}); a window is at least one lease lifetime
 * long, so the leases of a window two windows back have all expired. Tokens refill at {@code perSecond} up to the
 * capacity less every lease that may still be alive (counted whole, spent or not), so the tokens in the row plus those
 * the nodes hold never exceed the capacity: the requests all nodes accept together conform to the bucket exactly as if
 * each had taken its token from the row. Unspent tokens a node gives back return to the row, and stop being counted as
 * leased when their lease's window is still counted.
 */
public record TokenBucket(double tokens, double refilledAt, double leased, double leasedBefore, double windowStart,
                          double beforeStart) {

    /** The row after a lease, and the tokens granted. */
    public record Lease(TokenBucket bucket, long granted) {
    }

    /** A bucket first used at {@code now}: full. */
    public static TokenBucket full(double capacity, double now) {
        return new TokenBucket(capacity, now, 0, 0, now, now);
    }

    /**
     * Takes back {@code returned} unspent tokens of a lease made at {@code returnedLeasedAt} (0 for none), refills the
     * bucket to {@code now}, and grants a block sized by {@code sizing} (0 when not even one whole token is there).
     *
     * @param leaseSeconds how long a node may spend a leased token
     */
    public Lease lease(double now, double capacity, double perSecond, double leaseSeconds, LeaseSizing sizing,
                       long returned, double returnedLeasedAt) {
        double current = leased;
        double before = leasedBefore;
        double opened = windowStart;
        double openedBefore = beforeStart;
        if (now - opened >= 2 * leaseSeconds) {
            current = 0;
            before = 0;
            opened = now;
            openedBefore = now;
        } else if (now - opened >= leaseSeconds) {
            before = current;
            openedBefore = opened;
            current = 0;
            opened = now;
        }
        double left = tokens;
        if (returned > 0) {
            if (returnedLeasedAt >= opened) {
                current = Math.max(0, current - returned);
            } else if (returnedLeasedAt >= openedBefore) {
                before = Math.max(0, before - returned);
            }
            left += returned;
        }
        double refilled = Math.min(capacity - current - before, left + Math.max(0, now - refilledAt) * perSecond);
        long granted = sizing.grant(refilled);
        return new Lease(new TokenBucket(refilled - granted, now, current + granted, before, opened, openedBefore),
                granted);
    }
}
