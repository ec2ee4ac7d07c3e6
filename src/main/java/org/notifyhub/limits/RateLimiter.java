package org.notifyhub.limits;

import java.util.Locale;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.springframework.stereotype.Component;

/**
 * The per-minute API rate limit: a token bucket per service and key type that holds {@code rate_limit} tokens and
 * refills at {@code rate_limit} per 60 s, one guarded upsert per request.
 */
@Component
public class RateLimiter {

    private final RateLimitRepository buckets;

    public RateLimiter(RateLimitRepository buckets) {
        this.buckets = buckets;
    }

    public void check(AuthenticatedApiKey key) {
        int limit = key.service().rateLimit();
        if (!buckets.tryTakeToken(key.service().id(), key.keyType(), limit, limit / 60.0)) {
            throw new V2ApiException(429, "RateLimitError", "Exceeded rate limit for key type "
                    + displayName(key.keyType()) + " of " + limit + " requests per 60 seconds");
        }
    }

    private static String displayName(String keyType) {
        return "normal".equals(keyType) ? "LIVE" : keyType.toUpperCase(Locale.ROOT);
    }
}
