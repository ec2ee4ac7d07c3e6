package org.notifyhub.limits;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rate_limit_buckets rows: a token bucket per service and key type on the database clock, shared by every node,
 * that nodes lease blocks of tokens from ({@link TokenBucket} does the arithmetic).
 */
@Repository
public class RateLimitRepository {

    private final JdbcClient jdbc;
    private final LeaseTimeoutRepository leaseTimeout;

    public RateLimitRepository(JdbcClient jdbc, LeaseTimeoutRepository leaseTimeout) {
        this.jdbc = jdbc;
        this.leaseTimeout = leaseTimeout;
    }

    /** Tokens granted by a lease, and when (database clock, epoch seconds): a later return names the lease by it. */
    public record Leased(long tokens, double at) {
    }

    /**
     * Gives back {@code returned} unspent tokens of the lease made at {@code returnedLeasedAt} and leases more from a
     * bucket of {@code capacity} that refills at {@code perSecond}, in one short transaction of its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Leased lease(UUID serviceId, String keyType, double capacity, double perSecond, double leaseSeconds,
                        LeaseSizing sizing, long returned, double returnedLeasedAt) {
        leaseTimeout.boundCurrentTransaction();
        // The no-op update locks the row (creating it full if need be) until this short transaction commits; the clock
        // is read once the lock is held, so the leases of one bucket see time only move forward.
        Row row = jdbc.sql("""
                        INSERT INTO rate_limit_buckets (service_id, key_type, tokens, updated_at, refilled_at, leased,
                                                        leased_before, window_start, before_start)
                        VALUES (:serviceId, :keyType, :capacity, clock_timestamp(), EXTRACT(EPOCH FROM clock_timestamp()),
                                0, 0, EXTRACT(EPOCH FROM clock_timestamp()), EXTRACT(EPOCH FROM clock_timestamp()))
                        ON CONFLICT (service_id, key_type) DO UPDATE SET tokens = rate_limit_buckets.tokens
                        RETURNING tokens, refilled_at, leased, leased_before, window_start, before_start,
                                  EXTRACT(EPOCH FROM clock_timestamp())::double precision AS now""")
                .param("serviceId", serviceId)
                .param("keyType", keyType)
                .param("capacity", capacity)
                .query((rs, n) -> new Row(new TokenBucket(rs.getDouble("tokens"), rs.getDouble("refilled_at"),
                        rs.getDouble("leased"), rs.getDouble("leased_before"), rs.getDouble("window_start"),
                        rs.getDouble("before_start")), rs.getDouble("now")))
                .single();
        TokenBucket.Lease lease = row.bucket().lease(row.now(), capacity, perSecond, leaseSeconds, sizing, returned,
                returnedLeasedAt);
        TokenBucket next = lease.bucket();
        jdbc.sql("""
                        UPDATE rate_limit_buckets
                        SET tokens = :tokens, refilled_at = :refilledAt, leased = :leased, leased_before = :leasedBefore,
                            window_start = :windowStart, before_start = :beforeStart, updated_at = clock_timestamp()
                        WHERE service_id = :serviceId AND key_type = :keyType""")
                .param("tokens", next.tokens())
                .param("refilledAt", next.refilledAt())
                .param("leased", next.leased())
                .param("leasedBefore", next.leasedBefore())
                .param("windowStart", next.windowStart())
                .param("beforeStart", next.beforeStart())
                .param("serviceId", serviceId)
                .param("keyType", keyType)
                .update();
        return new Leased(lease.granted(), row.now());
    }

    private record Row(TokenBucket bucket, double now) {
    }
}
