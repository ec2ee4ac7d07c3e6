package org.notifyhub.limits;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily_limit_counters rows: one counter per service, day and channel of what is gone from the day's limit, sent
 * or leased by a node to send (see {@link DailyAllowances}).
 */
@Repository
public class DailyLimitRepository implements AllowanceLedger {

    private final JdbcClient jdbc;
    private final LeaseTimeoutRepository leaseTimeout;

    public DailyLimitRepository(JdbcClient jdbc, LeaseTimeoutRepository leaseTimeout) {
        this.jdbc = jdbc;
        this.leaseTimeout = leaseTimeout;
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

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long lease(AllowanceKey key, long limit, LeaseSizing sizing) {
        leaseTimeout.boundCurrentTransaction();
        // The no-op update locks the row (creating it if need be) until this short transaction commits.
        long taken = jdbc.sql("""
                        INSERT INTO daily_limit_counters (service_id, day, channel, count)
                        VALUES (:serviceId, :day, :channel, 0)
                        ON CONFLICT (service_id, day, channel) DO UPDATE SET count = daily_limit_counters.count
                        RETURNING count""")
                .param("serviceId", key.serviceId())
                .param("day", key.day())
                .param("channel", key.channel())
                .query(Long.class)
                .single();
        long grant = sizing.grant(limit, taken);
        if (grant > 0) {
            jdbc.sql("""
                            UPDATE daily_limit_counters SET count = count + :grant
                            WHERE service_id = :serviceId AND day = :day AND channel = :channel""")
                    .param("grant", grant)
                    .param("serviceId", key.serviceId())
                    .param("day", key.day())
                    .param("channel", key.channel())
                    .update();
        }
        return grant;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void handBack(AllowanceKey key, long units) {
        leaseTimeout.boundCurrentTransaction();
        jdbc.sql("""
                        UPDATE daily_limit_counters SET count = GREATEST(0, count - :units)
                        WHERE service_id = :serviceId AND day = :day AND channel = :channel""")
                .param("units", units)
                .param("serviceId", key.serviceId())
                .param("day", key.day())
                .param("channel", key.channel())
                .update();
    }
}
