package org.notifyhub.letters.returned;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.notifyhub.letters.responses.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Returned letters in one statement: letters that reached the post (sending, delivered, or already returned) become
 * returned-letter in notifications and notification_history, and each is recorded once in returned_letters
 * (reported again: its reported_at moves on).
 */
@Repository
public class ReturnedLettersRepository {

    private static final String RETURNABLE = "('sending', 'delivered', 'returned-letter')";

    private final JdbcClient jdbc;

    public ReturnedLettersRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns how many letters were recorded as returned. */
    public int markReturned(List<String> references, LocalDate reportedAt, LocalDateTime now) {
        return jdbc.sql("""
                        WITH live AS (
                            UPDATE notifications SET notification_status = 'returned-letter', updated_at = :now
                            WHERE reference = ANY(:references) AND notification_type = 'letter'
                              AND notification_status IN %1$s
                            RETURNING id, service_id),
                        history AS (
                            UPDATE notification_history SET notification_status = 'returned-letter', updated_at = :now
                            WHERE reference = ANY(:references) AND notification_type = 'letter'
                              AND notification_status IN %1$s
                            RETURNING id, service_id),
                        returned AS (SELECT id, service_id FROM live UNION SELECT id, service_id FROM history)
                        INSERT INTO returned_letters (id, reported_at, service_id, notification_id, created_at)
                        SELECT gen_random_uuid(), :reportedAt, service_id, id, :now FROM returned
                        ON CONFLICT (notification_id)
                        DO UPDATE SET reported_at = EXCLUDED.reported_at, updated_at = :now""".formatted(RETURNABLE))
                .param("references", SqlArrays.of("varchar", references.toArray()))
                .param("reportedAt", reportedAt)
                .param("now", now)
                .update();
    }
}
