package org.notifyhub.letters;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The status changes of the letter PDF steps, each a guarded UPDATE: a templated letter is waiting for its PDF while
 * it is {@code created} (or {@code sending}, for a test key) with no billable units; a precompiled one while it is
 * {@code pending-virus-check}. A repeated task finds the letter moved on and changes nothing.
 */
@Repository
public class LetterPdfRepository {

    private static final String AWAITING_TEMPLATED_PDF = " notification_type = 'letter' AND billable_units = 0"
            + " AND (notification_status = 'created' OR (notification_status = 'sending' AND key_type = 'test'))";
    private static final String AWAITING_SCAN = " notification_type = 'letter' AND notification_status = 'pending-virus-check'";

    private final JdbcClient jdbc;

    public LetterPdfRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A templated letter's PDF is stored: its sheets become its billable units. */
    public boolean recordSheets(UUID id, int sheets, LocalDateTime now) {
        return jdbc.sql("UPDATE notifications SET billable_units = :sheets, updated_at = :now WHERE id = :id AND"
                        + AWAITING_TEMPLATED_PDF)
                .param("sheets", sheets).param("now", now).param("id", id)
                .update() == 1;
    }

    /** Undoes {@link #recordSheets} for a test-key letter whose fake response could not be written, so a retry redoes both. */
    public void forgetSheets(UUID id) {
        jdbc.sql("""
                        UPDATE notifications SET billable_units = 0
                        WHERE id = :id AND notification_type = 'letter' AND notification_status = 'sending' AND key_type = 'test'""")
                .param("id", id)
                .update();
    }

    /** A templated letter longer than the printer takes. */
    public boolean markTemplatedTooLong(UUID id, LocalDateTime now) {
        return jdbc.sql("UPDATE notifications SET notification_status = 'validation-failed', updated_at = :now"
                        + " WHERE id = :id AND" + AWAITING_TEMPLATED_PDF)
                .param("now", now).param("id", id)
                .update() == 1;
    }

    public boolean markVirusScanFailed(UUID id, LocalDateTime now) {
        return jdbc.sql("UPDATE notifications SET notification_status = 'virus-scan-failed', updated_at = :now"
                        + " WHERE id = :id AND" + AWAITING_SCAN)
                .param("now", now).param("id", id)
                .update() == 1;
    }

    public boolean markPrecompiledInvalid(UUID id, LocalDateTime now) {
        return jdbc.sql("UPDATE notifications SET notification_status = 'validation-failed', billable_units = 0,"
                        + " updated_at = :now WHERE id = :id AND" + AWAITING_SCAN)
                .param("now", now).param("id", id)
                .update() == 1;
    }

    /** A precompiled letter passed: ready to print ({@code created}), or {@code delivered} for a test key. */
    public boolean markPrecompiledPassed(UUID id, String status, int sheets, String to, String normalisedTo,
                                         String postage, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE notifications SET notification_status = :status, billable_units = :sheets, "to" = :to,
                               normalised_to = :normalisedTo, postage = :postage, updated_at = :now
                        WHERE id = :id AND""" + AWAITING_SCAN)
                .param("status", status).param("sheets", sheets).param("to", to).param("normalisedTo", normalisedTo)
                .param("postage", postage).param("now", now).param("id", id)
                .update() == 1;
    }

    /** Every attempt at a letter task failed: the letter will not be printed. */
    public boolean markTechnicalFailure(UUID id, LocalDateTime now) {
        return jdbc.sql("UPDATE notifications SET notification_status = 'technical-failure', updated_at = :now"
                        + " WHERE id = :id AND ((" + AWAITING_TEMPLATED_PDF + ") OR (" + AWAITING_SCAN + "))")
                .param("now", now).param("id", id)
                .update() == 1;
    }

    /** Templated letters still without a PDF since before the cut-off: their task was lost or never queued. */
    public List<UUID> findAwaitingPdfSince(LocalDateTime cutOff, int limit) {
        return jdbc.sql("SELECT id FROM notifications WHERE" + AWAITING_TEMPLATED_PDF
                        + " AND created_at < :cutOff ORDER BY created_at LIMIT :limit")
                .param("cutOff", cutOff).param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Precompiled letters still waiting for their scan since before the cut-off: their task was lost or never queued. */
    public List<UUID> findAwaitingScanSince(LocalDateTime cutOff, int limit) {
        return jdbc.sql("SELECT id FROM notifications WHERE" + AWAITING_SCAN
                        + " AND created_at < :cutOff ORDER BY created_at LIMIT :limit")
                .param("cutOff", cutOff).param("limit", limit)
                .query(UUID.class)
                .list();
    }
}
