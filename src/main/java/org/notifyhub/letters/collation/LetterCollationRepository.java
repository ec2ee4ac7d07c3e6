package org.notifyhub.letters.collation;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the nightly collation: the letters due for printing and the collation lease. The guarded move of a sent
 * zip's letters is NotificationRepository's, with every other status change.
 */
@Repository
public class LetterCollationRepository {

    private static final String DUE = """
            SELECT n.id, n.reference, n.service_id, s.organisation_id, n.created_at
              FROM notifications n JOIN services s ON s.id = n.service_id
             WHERE n.notification_type = 'letter' AND n.notification_status = 'created' AND n.key_type = 'normal'
               AND n.billable_units > 0 AND n.postage = :postage AND n.created_at < :deadline
               AND n.reference IS NOT NULL""";
    private static final String ORDER = " ORDER BY n.service_id, n.created_at, n.id LIMIT :limit";

    private final JdbcClient jdbc;

    public LetterCollationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One batch of the letters of a postage class due before the deadline, in service then creation order, starting
     * after {@code after} (null for the first batch): keyset paging, so letters sent meanwhile do not shift pages.
     */
    public List<LetterToCollate> dueForPrinting(String postage, LocalDateTime deadline, LetterToCollate after, int limit) {
        String sql = after == null ? DUE + ORDER
                : DUE + " AND (n.service_id, n.created_at, n.id) > (:afterService, :afterCreatedAt, :afterId)" + ORDER;
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("postage", postage)
                .param("deadline", deadline)
                .param("limit", limit);
        if (after != null) {
            statement = statement.param("afterService", after.serviceId())
                    .param("afterCreatedAt", after.createdAt())
                    .param("afterId", after.id());
        }
        return statement.query((rs, row) -> new LetterToCollate(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        rs.getObject("service_id", UUID.class),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getObject("created_at", LocalDateTime.class)))
                .list();
    }

    /** Takes (or renews, for the same holder) the collation lease until {@code until}; false when another run holds it. */
    public boolean holdLock(UUID holder, LocalDateTime now, LocalDateTime until) {
        return jdbc.sql("""
                        UPDATE letter_collation_lock SET held_by = :holder, held_until = :until
                         WHERE id = 1 AND (held_until < :now OR held_by = :holder)""")
                .param("holder", holder)
                .param("now", now)
                .param("until", until)
                .update() == 1;
    }

    public void releaseLock(UUID holder, LocalDateTime now) {
        jdbc.sql("UPDATE letter_collation_lock SET held_by = NULL, held_until = :now WHERE id = 1 AND held_by = :holder")
                .param("holder", holder)
                .param("now", now)
                .update();
    }
}
