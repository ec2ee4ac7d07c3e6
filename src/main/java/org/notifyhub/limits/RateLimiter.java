package org.notifyhub.limits;

import java.util.Locale;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-minute API rate limit: a token bucket per service and key type that holds {@code rate_limit} tokens and
 * refills at {@code rate_limit} per 60 s. One guarded upsert per request, on the database clock, so every node
 * shares the same bucket.
 */
@Repository
public class RateLimiter {

    private final JdbcClient jdbc;

    public RateLimiter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void check(AuthenticatedApiKey key) {
        int limit = key.service().rateLimit();
        boolean allowed = jdbc.sql("""
                        INSERT INTO rate_limit_buckets (service_id, key_type, tokens, updated_at)
                        VALUES (:serviceId, :keyType, :capacity - 1, clock_timestamp())
                        ON CONFLICT (service_id, key_type) DO UPDATE
                        SET tokens = LEAST(:capacity, rate_limit_buckets.tokens
                                     + EXTRACT(EPOCH FROM (clock_timestamp() - rate_limit_buckets.updated_at)) * :perSecond) - 1,
                            updated_at = clock_timestamp()
                        WHERE LEAST(:capacity, rate_limit_buckets.tokens
                              + EXTRACT(EPOCH FROM (clock_timestamp() - rate_limit_buckets.updated_at)) * :perSecond) >= 1
                        RETURNING tokens""")
                .param("serviceId", key.service().id())
                .param("keyType", key.keyType())
                .param("capacity", (double) limit)
                .param("perSecond", limit / 60.0)
                .query(Double.class)
                .optional()
                .isPresent();
        if (!allowed) {
            throw new V2ApiException(429, "RateLimitError", "Exceeded rate limit for key type "
                    + displayName(key.keyType()) + " of " + limit + " requests per 60 seconds");
        }
    }

    private static String displayName(String keyType) {
        return "normal".equals(keyType) ? "LIVE" : keyType.toUpperCase(Locale.ROOT);
    }
}
