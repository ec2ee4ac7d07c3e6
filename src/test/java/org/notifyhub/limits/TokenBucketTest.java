package org.notifyhub.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A bucket nodes lease tokens from: a burst of the capacity, then the refill rate, never more across leases. */
class TokenBucketTest {

    private static final double LEASE = 1.0;
    private static final double T0 = 1_800_000_000.0;
    private final LeaseSizing sizing = new LeaseSizing(16, 500);

    @Test
    void aFullBucketOfFiveGrantsFiveSingleTokensThenNone() {
        TokenBucket bucket = TokenBucket.full(5, T0);
        for (int i = 1; i <= 5; i++) {
            TokenBucket.Lease lease = bucket.lease(T0 + 0.01 * i, 5, 5 / 60.0, LEASE, sizing, 0, 0);
            assertThat(lease.granted()).isEqualTo(1);
            bucket = lease.bucket();
        }
        assertThat(bucket.lease(T0 + 0.06, 5, 5 / 60.0, LEASE, sizing, 0, 0).granted()).isZero();
    }

    @Test
    void leasedTokensStayCountedUntilTwoWindowsHavePassed() {
        // 100 tokens, all leased just now: even a long refill cannot put any back while the leases may be alive
        TokenBucket bucket = new TokenBucket(0, T0, 100, 0, T0, T0);
        assertThat(bucket.lease(T0 + 0.5, 100, 100, LEASE, sizing, 0, 0).granted()).isZero();

        // one window on, they are the previous window's: still counted
        TokenBucket.Lease rolled = bucket.lease(T0 + 1.2, 100, 100, LEASE, sizing, 0, 0);
        assertThat(rolled.granted()).isZero();
        assertThat(rolled.bucket().leasedBefore()).isEqualTo(100);
        assertThat(rolled.bucket().windowStart()).isEqualTo(T0 + 1.2);
        assertThat(rolled.bucket().beforeStart()).isEqualTo(T0);

        // a window later every one of them has expired: the row may refill to the whole capacity again
        TokenBucket.Lease expired = rolled.bucket().lease(T0 + 2.2, 100, 100, LEASE, sizing, 0, 0);
        assertThat(expired.granted()).isEqualTo(6);
        assertThat(expired.bucket().tokens()).isEqualTo(94);
        assertThat(expired.bucket().leasedBefore()).isZero();
    }

    @Test
    void theRefillIsCappedByTheCapacityLessWhatIsLeased() {
        // an hour's refill since the row last changed
        TokenBucket bucket = new TokenBucket(10, T0 - 3600, 30, 20, T0, T0 - 0.5);
        TokenBucket.Lease lease = bucket.lease(T0 + 0.1, 100, 10, LEASE, sizing, 0, 0);
        // 100 - 30 - 20 = 50 in the row at most, then a 16th of it leased
        assertThat(lease.granted()).isEqualTo(3);
        assertThat(lease.bucket().tokens()).isEqualTo(47);
        assertThat(lease.bucket().leased()).isEqualTo(33);
    }

    @Test
    void unspentTokensComeBackAndStopCountingAsLeasedInTheirOwnWindow() {
        TokenBucket bucket = new TokenBucket(0, T0 + 0.9, 40, 60, T0 + 0.2, T0 - 0.9);

        // from the lease at T0 - 0.5, in the window before
        TokenBucket.Lease fromBefore = bucket.lease(T0 + 0.9, 100, 0, LEASE, sizing, 10, T0 - 0.5);
        assertThat(fromBefore.bucket().leasedBefore()).isEqualTo(50);
        // the 10 back in the row, and 1 of them leased again at once
        assertThat(fromBefore.granted()).isEqualTo(1);
        assertThat(fromBefore.bucket().leased()).isEqualTo(40 + 1);
        assertThat(fromBefore.bucket().tokens()).isEqualTo(9);

        // from the lease at T0 + 0.5, in the current window: 1 of them leased again at once
        TokenBucket.Lease fromCurrent = bucket.lease(T0 + 0.9, 100, 0, LEASE, sizing, 10, T0 + 0.5);
        assertThat(fromCurrent.bucket().leased()).isEqualTo(30 + 1);
        assertThat(fromCurrent.bucket().leasedBefore()).isEqualTo(60);
        assertThat(fromCurrent.granted()).isEqualTo(1);
    }

    @Test
    void tokensOfALeaseWhoseWindowWasDroppedComeBackWithoutUncountingOthers() {
        // the window before opened at T0; the returned lease is older still, so it is no longer counted
        TokenBucket bucket = new TokenBucket(0, T0 + 1.5, 30, 20, T0 + 1, T0);
        TokenBucket.Lease lease = bucket.lease(T0 + 1.5, 100, 0, LEASE, sizing, 10, T0 - 0.5);
        assertThat(lease.bucket().leased() + lease.bucket().leasedBefore() - lease.granted()).isEqualTo(50);
        assertThat(lease.bucket().tokens() + lease.granted()).isEqualTo(10);
    }

    @Test
    void aLoweredCapacityGrantsOnlyWhatTheNewCapacityAllows() {
        TokenBucket bucket = TokenBucket.full(3000, T0);
        TokenBucket.Lease lease = bucket.lease(T0 + 1, 5, 5 / 60.0, LEASE, sizing, 0, 0);
        assertThat(lease.granted()).isEqualTo(1);
        assertThat(lease.bucket().tokens()).isEqualTo(4);
    }

    /**
     * Random leases, spends and returns by several nodes over simulated half hours: the requests they accept conform
     * to the bucket (replayed against one plain token bucket, it never goes below zero), and most of what the bucket
     * allows gets through.
     */
    @Test
    void nodesSpendingLeasedTokensConformToTheBucket() {
        double capacity = 120;
        double perSecond = capacity / 60;
        Random random = new Random(11);
        double now = T0;
        TokenBucket bucket = TokenBucket.full(capacity, now);
        int nodes = 3;
        double[] expires = new double[nodes];
        double[] leasedAt = new double[nodes];
        long[] held = new long[nodes];
        double plain = capacity;
        double lastAccepted = now;
        long accepted = 0;
        for (int step = 0; step < 200_000; step++) {
            // now and then a pause long enough for leases to expire and windows to roll on
            now += random.nextInt(500) == 0 ? random.nextDouble() * 5 : random.nextDouble() * 0.02;
            int node = random.nextInt(nodes);
            if (held[node] == 0 || now >= expires[node]) {
                // a node sometimes forgets what it holds (dies), else gives it back
                long returned = random.nextInt(50) == 0 ? 0 : held[node];
                // the lease is timed on the node from a little before the database read its clock
                double start = now;
                now += random.nextDouble() * 0.005;
                TokenBucket.Lease lease = bucket.lease(now, capacity, perSecond, LEASE, sizing, returned, leasedAt[node]);
                bucket = lease.bucket();
                held[node] = lease.granted();
                leasedAt[node] = now;
                expires[node] = start + LEASE;
            }
            if (held[node] > 0) {
                held[node]--;
                accepted++;
                plain = Math.min(capacity, plain + (now - lastAccepted) * perSecond) - 1;
                lastAccepted = now;
                assertThat(plain).as("plain bucket after request %d at %.3f s", accepted, now - T0).isGreaterThan(-1e-9);
            }
        }
        assertThat((double) accepted).isGreaterThan(0.8 * (capacity + perSecond * (now - T0)));
    }
}
