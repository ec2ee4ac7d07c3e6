package org.notifyhub.limits;

import java.time.LocalDate;
import java.util.UUID;
import org.notifyhub.common.V2ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Daily sending limits per service and channel: an O(1) counter row bumped only while below the limit, in the
 * transaction that saves the notification. Concurrent sends queue on the row lock, so exactly {@code limit} win.
 */
@Repository
public class DailyLimits {

    private final JdbcClient jdbc;

    public DailyLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more notification today, or throws Notify's 429 when that would pass the limit. */
    public void take(UUID serviceId, String channel, long limit, LocalDate day) {
        if (!tryTake(serviceId, channel, limit, day, 1)) {
            throw new V2ApiException(429, "TooManyRequestsError",
                    "Exceeded send limits (" + channel + ": " + limit + ") for today");
        }
    }

    /** Takes {@code count} at once (a CSV job up front), all or nothing. */
    public boolean tryTake(UUID serviceId, String channel, long limit, LocalDate day, long count) {
        if (count > limit) {
            return false;
        }
        return jdbc.sql("""
                        INSERT INTO daily_limit_counters (service_id, day, channel, count)
                        VALUES (:serviceId, :day, :channel, :count)
                        ON CONFLICT (service_id, day, channel) DO UPDATE
                        SET count = daily_limit_counters.count + :count
                        WHERE daily_limit_counters.count + :count <= :limit
                        RETURNING count""")
                .param("serviceId", serviceId)
                .param("day", day)
                .param("channel", channel)
                .param("count", count)
                .param("limit", limit)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    public long usedToday(UUID serviceId, String channel, LocalDate day) {
        return jdbc.sql("SELECT count FROM daily_limit_counters WHERE service_id = :serviceId AND day = :day AND channel = :channel")
                .param("serviceId", serviceId)
                .param("day", day)
                .param("channel", channel)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }
}
