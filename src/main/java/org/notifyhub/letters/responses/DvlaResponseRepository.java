package org.notifyhub.letters.responses;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * SQL for applying DVLA response files: the processed-file marker and the daily sorted-letter counts. The status
 * updates by reference are NotificationRepository's, with every other status change.
 */
@Repository
public class DvlaResponseRepository {

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
                .param("names", new SqlArrayValue("varchar", fileNames.toArray()))
                .query(String.class)
                .list();
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
