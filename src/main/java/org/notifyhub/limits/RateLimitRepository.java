package org.notifyhub.limits;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rate_limit_buckets rows: a token bucket per service and key type, refilled on the database clock so every node
 * shares the same bucket.
 */
@Repository
public class RateLimitRepository {

    private final JdbcClient jdbc;

    public RateLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes one token from a bucket of {@code capacity} that refills at {@code perSecond}; false when it is empty. */
    public boolean tryTakeToken(UUID serviceId, String keyType, double capacity, double perSecond) {
        return jdbc.sql("""
                        INSERT INTO rate_limit_buckets (service_id, key_type, tokens, updated_at)
                        VALUES (:serviceId, :keyType, :capacity - 1, clock_timestamp())
                        ON CONFLICT (service_id, key_type) DO UPDATE
                        SET tokens = LEAST(:capacity, rate_limit_buckets.tokens
                                     + EXTRACT(EPOCH FROM (clock_timestamp() - rate_limit_buckets.updated_at)) * :perSecond) - 1,
                            updated_at = clock_timestamp()
                        WHERE LEAST(:capacity, rate_limit_buckets.tokens
                              + EXTRACT(EPOCH FROM (clock_timestamp() - rate_limit_buckets.updated_at)) * :perSecond) >= 1
                        RETURNING tokens""")
                .param("serviceId", serviceId)
                .param("keyType", keyType)
                .param("capacity", capacity)
                .param("perSecond", perSecond)
                .query(Double.class)
                .optional()
                .isPresent();
    }
}
