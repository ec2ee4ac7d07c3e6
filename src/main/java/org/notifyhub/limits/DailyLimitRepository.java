package org.notifyhub.limits;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily_limit_counters rows: one O(1) counter per service, day and channel. */
@Repository
public class DailyLimitRepository {

    private final JdbcClient jdbc;

    public DailyLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds {@code count} to the day's counter only while the total stays within {@code limit}; concurrent takers
     * queue on the row lock, so exactly {@code limit} win. Returns whether it was added.
     */
    public boolean tryAdd(UUID serviceId, String channel, LocalDate day, long count, long limit) {
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
}
