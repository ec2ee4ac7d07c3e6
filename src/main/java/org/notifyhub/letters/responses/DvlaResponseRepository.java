package org.notifyhub.letters.responses;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for applying DVLA response files: the processed-file marker, set-based status updates by reference (a letter
 * moves only out of {@code sending}, so a final status is never overwritten), and the daily sorted-letter counts.
 */
@Repository
public class DvlaResponseRepository {

    /** A letter whose status a response file changed. */
    public record UpdatedLetter(UUID id, UUID serviceId, String status, int billableUnits, int pageCount,
                                boolean hasDeliveryCallback) {
    }

    private static final String UPDATE_FROM_FILE = """
            UPDATE %s n SET notification_status = u.status, updated_at = :now
            FROM unnest(:references, :statuses, :pageCounts) AS u(reference, status, page_count)
            WHERE n.reference = u.reference AND n.notification_type = 'letter' AND n.notification_status = 'sending'
            RETURNING n.id, n.service_id, n.notification_status, n.billable_units, u.page_count""";

    private final JdbcClient jdbc;

    public DvlaResponseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the file processed; false when it already was (the caller then changes nothing). */
    public boolean claim(String fileName, String source, LocalDateTime now) {
        return jdbc.sql("""
                        INSERT INTO dvla_response_files (file_name, source, processed_at) VALUES (:fileName, :source, :now)
                        ON CONFLICT (file_name) DO NOTHING""")
                .param("fileName", fileName)
                .param("source", source)
                .param("now", now)
                .update() == 1;
    }

    public boolean isProcessed(String fileName) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dvla_response_files WHERE file_name = :fileName)")
                .param("fileName", fileName)
                .query(Boolean.class)
                .single();
    }

    /** Which of these file names were processed already, in one query. */
    public List<String> processedAmong(Collection<String> fileNames) {
        if (fileNames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT file_name FROM dvla_response_files WHERE file_name = ANY(:names)")
                .param("names", SqlArrays.of("varchar", fileNames.toArray()))
                .query(String.class)
                .list();
    }

    /** Sets each sending letter's status by reference in one statement; returns the letters changed. */
    public List<UpdatedLetter> updateNotifications(String[] references, String[] statuses, Integer[] pageCounts,
                                                   LocalDateTime now) {
        return jdbc.sql("WITH updated AS (" + UPDATE_FROM_FILE.formatted("notifications") + """
                        )
                        SELECT u.*, EXISTS (SELECT 1 FROM service_callback_api c WHERE c.service_id = u.service_id
                                              AND c.callback_type = 'delivery_status') AS has_callback
                        FROM updated u""")
                .param("references", SqlArrays.of("varchar", references))
                .param("statuses", SqlArrays.of("varchar", statuses))
                .param("pageCounts", SqlArrays.of("int4", pageCounts))
                .param("now", now)
                .query((rs, n) -> new UpdatedLetter(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                        rs.getString("notification_status"), rs.getInt("billable_units"), rs.getInt("page_count"),
                        rs.getBoolean("has_callback")))
                .list();
    }

    /** The same for letters already moved to notification_history; returns how many changed. */
    public int updateHistory(String[] references, String[] statuses, Integer[] pageCounts, LocalDateTime now) {
        return jdbc.sql("WITH updated AS (" + UPDATE_FROM_FILE.formatted("notification_history") + ") SELECT count(*) FROM updated")
                .param("references", SqlArrays.of("varchar", references))
                .param("statuses", SqlArrays.of("varchar", statuses))
                .param("pageCounts", SqlArrays.of("int4", pageCounts))
                .param("now", now)
                .query(Integer.class)
                .single();
    }

    /** One row per (billing day, file): a file seen again replaces its counts, never adds to them. */
    public void upsertDailySortedLetter(LocalDate billingDay, String fileName, int sorted, int unsorted,
                                        LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO daily_sorted_letter (id, billing_day, file_name, unsorted_count, sorted_count, updated_at)
                        VALUES (:id, :billingDay, :fileName, :unsorted, :sorted, :now)
                        ON CONFLICT (file_name, billing_day)
                        DO UPDATE SET unsorted_count = EXCLUDED.unsorted_count, sorted_count = EXCLUDED.sorted_count,
                                      updated_at = EXCLUDED.updated_at""")
                .param("id", UUID.randomUUID())
                .param("billingDay", billingDay)
                .param("fileName", fileName)
                .param("unsorted", unsorted)
                .param("sorted", sorted)
                .param("now", now)
                .update();
    }
}
