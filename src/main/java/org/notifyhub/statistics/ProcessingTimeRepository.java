package org.notifyhub.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.notifyhub.common.LondonDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** ft_processing_time: per London day, how many API texts and emails (test keys aside) were sent within 10 seconds. */
@Repository
public class ProcessingTimeRepository {

    public record ProcessingTime(LocalDate day, int messagesTotal, int messagesWithin10Secs) {
    }

    private final JdbcClient jdbc;

    public ProcessingTimeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts the day from notifications and notification_history and writes (or rewrites) its row, in one statement. */
    public ProcessingTime save(LocalDate day, LocalDateTime now) {
        return jdbc.sql("""
                        INSERT INTO ft_processing_time (bst_date, messages_total, messages_within_10_secs, created_at)
                        SELECT :day, count(*), count(*) FILTER (WHERE sent_at - created_at <= interval '10 seconds'), :now
                        FROM (SELECT created_at, sent_at, api_key_id, key_type, notification_type FROM notifications
                              WHERE created_at >= :start AND created_at < :end
                              UNION ALL
                              SELECT created_at, sent_at, api_key_id, key_type, notification_type FROM notification_history
                              WHERE created_at >= :start AND created_at < :end) n
                        WHERE api_key_id IS NOT NULL AND key_type <> 'test' AND notification_type <> 'letter'
                        ON CONFLICT (bst_date) DO UPDATE SET messages_total = EXCLUDED.messages_total,
                            messages_within_10_secs = EXCLUDED.messages_within_10_secs, updated_at = :now
                        RETURNING bst_date, messages_total, messages_within_10_secs""")
                .param("day", day).param("now", now)
                .param("start", LondonDays.start(day)).param("end", LondonDays.start(day.plusDays(1)))
                .query((rs, i) -> new ProcessingTime(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    public Optional<ProcessingTime> find(LocalDate day) {
        return jdbc.sql("SELECT bst_date, messages_total, messages_within_10_secs FROM ft_processing_time"
                        + " WHERE bst_date = :day")
                .param("day", day)
                .query((rs, i) -> new ProcessingTime(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3)))
                .optional();
    }
}
