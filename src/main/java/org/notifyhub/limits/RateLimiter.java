package org.notifyhub.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The per-minute API rate limit: a token bucket per service and key type, shared by every node, that holds
 * {@code rate_limit} tokens and refills at {@code rate_limit} per 60 s. A request does not touch the bucket's row: it
 * spends a token from a block this node leased from the row (one short transaction per block, blocks shrinking as the
 * bucket empties, see {@link LeaseSizing}). A leased token may be spent for {@code notify.limits.rate-lease} after it
 * was leased and is dropped after that; the row keeps every lease counted against the capacity until it has expired
 * ({@link TokenBucket}), so all nodes together never accept more than the bucket allows.
 * <p>
 * A node gives back the tokens it did not spend with its next lease of the same bucket. A node that dies holding
 * tokens takes them with it: they stay counted until its lease would have expired (at most two lease lifetimes), then
 * the bucket refills as usual, so the bucket is short of one block for a while, never over.
 */
@Component
public class RateLimiter {

    private final RateLimitRepository buckets;
    private final LeaseSizing sizing;
    private final long leaseNanos;
    private final LongSupplier nanoTime;
    private final LeaseWait wait;
    private final Map<BucketKey, Tokens> held = new ConcurrentHashMap<>();

    @Autowired
    public RateLimiter(RateLimitRepository buckets,
                       @Value("${notify.limits.lease-share:16}") long share,
                       @Value("${notify.limits.lease-max-block:500}") long maxBlock,
                       @Value("${notify.limits.rate-lease:1s}") Duration lease, LeaseWait wait) {
        this(buckets, new LeaseSizing(share, maxBlock), lease, System::nanoTime, wait);
    }

    RateLimiter(RateLimitRepository buckets, LeaseSizing sizing, Duration lease, LongSupplier nanoTime, LeaseWait wait) {
        this.buckets = buckets;
        this.wait = wait;
        this.sizing = sizing;
        this.leaseNanos = lease.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Spends one token of the key's bucket, or throws Notify's 429 when it is empty, or a 503
     * ({@link LimitsUnavailableException}) when no lease comes in time.
     */
    public void check(AuthenticatedApiKey key) {
        int limit = key.service().rateLimit();
        if (!take(new BucketKey(key.service().id(), key.keyType()), limit)) {
            throw new V2ApiException(429, "RateLimitError", "Exceeded rate limit for key type "
                    + displayName(key.keyType()) + " of " + limit + " requests per 60 seconds");
        }
    }

    private boolean take(BucketKey key, int limit) {
        Tokens tokens = held.computeIfAbsent(key, k -> new Tokens());
        wait.lock(tokens.lock, key);
        try {
            long now = nanoTime.getAsLong();
            if (tokens.count > 0 && tokens.limit == limit && now - tokens.expiresAt < 0) {
                tokens.count--;
                return true;
            }
            // Unspent tokens (expired, or leased under another limit) go back with the next lease.
            RateLimitRepository.Leased leased = wait.lease(tokens.lock, key, () -> buckets.lease(key.serviceId(),
                    key.keyType(), limit, limit / 60.0, leaseNanos / 1e9, sizing, tokens.count, tokens.leasedAt));
            tokens.count = leased.tokens();
            tokens.leasedAt = leased.at();
            tokens.limit = limit;
            // Timed from before the lease, so this node stops spending them before the row stops counting them.
            tokens.expiresAt = now + leaseNanos;
            if (tokens.count == 0) {
                return false;
            }
            tokens.count--;
            return true;
        } finally {
            tokens.lock.unlock();
        }
    }

    private static String displayName(String keyType) {
        return "normal".equals(keyType) ? "LIVE" : keyType.toUpperCase(Locale.ROOT);
    }

    private record BucketKey(UUID serviceId, String keyType) {
    }

    /** Tokens this node leased from one bucket; guarded by its lock. */
    private static final class Tokens {
        private final LeaseLock lock = new LeaseLock();
        private long count;
        private double leasedAt;
        private int limit;
        private long expiresAt;
    }
}
