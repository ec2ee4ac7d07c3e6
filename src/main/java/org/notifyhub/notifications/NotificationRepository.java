package org.notifyhub.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.notifyhub.common.RetentionScope;

/**
 * SQL for the hot notifications table, and the one home of every change to a notification's status: each is a guarded
 * update (only from the statuses it names), never read-then-write, so a repeated task or a late receipt changes nothing.
 */
@Repository
public class NotificationRepository {

    private static final String COLUMNS = """
            id, "to", normalised_to, job_id, job_row_number, service_id, template_id, template_version, api_key_id,
            key_type, billable_units, notification_type, created_at, sent_at, sent_by, updated_at, notification_status,
            reference, client_reference, _personalisation, reply_to_text, postage, created_by_id, international, phone_prefix,
            unsubscribe_link, document_download_count""";
    private static final String AWAITING_TEMPLATED_PDF = " notification_type = 'letter' AND billable_units = 0"
            + " AND (notification_status = 'created' OR (notification_status = 'sending' AND key_type = 'test'))";
    private static final String AWAITING_SCAN = " notification_type = 'letter' AND notification_status = 'pending-virus-check'";
    private static final String UPDATE_FROM_RESPONSE_FILE = """
            UPDATE %s n SET notification_status = u.status, updated_at = :now
            FROM unnest(:references, :statuses, :pageCounts) AS u(reference, status, page_count)
            WHERE n.reference = u.reference AND n.notification_type = 'letter' AND n.notification_status = 'sending'
            RETURNING n.id, n.service_id, n.notification_status, n.billable_units, u.page_count""";
    private static final String RETURNABLE = "('sending', 'delivered', 'returned-letter')";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;

    public NotificationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    /** When the oldest notification of this type still 'created' was accepted (an operator's gauge; one index lookup). */
    public Optional<LocalDateTime> oldestCreatedAt(NotificationType type) {
        return jdbc.sql("SELECT created_at FROM notifications WHERE notification_type = :type"
                        + " AND notification_status = 'created' ORDER BY created_at LIMIT 1")
                .param("type", type.wireName()).query(LocalDateTime.class).optional();
    }

    public void insert(NotificationRow n) {
        insert(n, "");
    }

    /** For saves that may be repeated (a queue message delivered twice): the second is a no-op. */
    public boolean insertIfAbsent(NotificationRow n) {
        return insert(n, " ON CONFLICT (id) DO NOTHING") == 1;
    }

    private static final String INSERT = "INSERT INTO notifications (" + COLUMNS + """
            , rate_multiplier)
            VALUES (:id, :to, :normalisedTo, :jobId, :jobRowNumber, :serviceId, :templateId, :templateVersion,
            :apiKeyId, :keyType, :billableUnits, :notificationType, :createdAt, :sentAt, :sentBy, :updatedAt,
            :status, :reference, :clientReference, :personalisation, :replyToText, :postage, :createdById,
            :international, :phonePrefix, :unsubscribeLink, :documentDownloadCount, :rateMultiplier)""";

    private int insert(NotificationRow n, String onConflict) {
        return jdbc.sql(INSERT + onConflict).params(parameters(n)).update();
    }

    /**
     * Saves a batch of rows in one round trip. A row whose id, or job and row number, is already there is left as it
     * is (a repeated job save task); the rows actually written are returned.
     */
    public List<NotificationRow> insertAllIfAbsent(List<NotificationRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        SqlParameterSource[] batch = rows.stream().map(row -> new MapSqlParameterSource(parameters(row)))
                .toArray(SqlParameterSource[]::new);
        int[] counts = batchJdbc.batchUpdate(INSERT + " ON CONFLICT DO NOTHING", batch);
        List<NotificationRow> inserted = new ArrayList<>(rows.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                inserted.add(rows.get(i));
            }
        }
        return inserted;
    }

    private static Map<String, Object> parameters(NotificationRow n) {
        Map<String, Object> p = new HashMap<>(32);
        p.put("id", n.id());
        p.put("to", n.to());
        p.put("normalisedTo", n.normalisedTo());
        p.put("jobId", n.jobId());
        p.put("jobRowNumber", n.jobRowNumber());
        p.put("serviceId", n.serviceId());
        p.put("templateId", n.templateId());
        p.put("templateVersion", n.templateVersion());
        p.put("apiKeyId", n.apiKeyId());
        p.put("keyType", n.keyType().wireName());
        p.put("billableUnits", n.billableUnits());
        p.put("notificationType", n.notificationType().wireName());
        p.put("createdAt", n.createdAt());
        p.put("sentAt", n.sentAt());
        p.put("sentBy", n.sentBy());
        p.put("updatedAt", n.updatedAt());
        p.put("status", n.status().wireName());
        p.put("reference", n.reference());
        p.put("clientReference", n.clientReference());
        p.put("personalisation", n.encryptedPersonalisation());
        p.put("replyToText", n.replyToText());
        p.put("postage", n.postage());
        p.put("createdById", n.createdById());
        p.put("international", n.international());
        p.put("phonePrefix", n.phonePrefix());
        p.put("unsubscribeLink", n.unsubscribeLink());
        p.put("documentDownloadCount", n.documentDownloadCount());
        p.put("rateMultiplier", n.rateMultiplier());
        return p;
    }

    public Optional<NotificationRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE id = :id")
                .param("id", id)
                .query(NotificationRepository::map)
                .optional();
    }

    /** The notifications of these ids that exist, in one statement. */
    public List<NotificationRow> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE id IN (:ids)")
                .param("ids", ids)
                .query(NotificationRepository::map)
                .list();
    }

    public Optional<NotificationRow> findForService(UUID serviceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE id = :id AND service_id = :serviceId")
                .param("id", id)
                .param("serviceId", serviceId)
                .query(NotificationRepository::map)
                .optional();
    }

    /**
     * The claim before a provider call: only one caller can move a notification out of {@code created},
     * so a duplicate queue message or a second node never sends twice.
     */
    public Optional<NotificationRow> claimForSending(UUID id, LocalDateTime now) {
        return jdbc.sql("UPDATE notifications SET notification_status = 'sending', updated_at = :now"
                        + " WHERE id = :id AND notification_status = 'created' RETURNING " + COLUMNS)
                .param("id", id)
                .param("now", now)
                .query(NotificationRepository::map)
                .optional();
    }

    /**
     * Written just before a claimed send's provider call: from here on the provider may have the message, so only a
     * failure the provider answered (or a call that never went out) releases the claim again. False when the
     * notification is no longer this worker's claim, and then no call is made.
     */
    public boolean markProviderCallStarting(UUID id, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE notifications SET provider_call_started_at = :now
                        WHERE id = :id AND notification_status = 'sending' AND sent_at IS NULL""")
                .param("id", id)
                .param("now", now)
                .update() == 1;
    }

    /** A provider call failed: the notification is {@code created} again, so a retry can claim it. */
    public void releaseSmsClaim(UUID id, int billableUnits, LocalDateTime now) {
        jdbc.sql("""
                        UPDATE notifications SET notification_status = 'created', billable_units = :billableUnits,
                               provider_call_started_at = NULL, updated_at = :now
                        WHERE id = :id AND notification_status = 'sending' AND sent_at IS NULL""")
                .param("id", id)
                .param("billableUnits", billableUnits)
                .param("now", now)
                .update();
    }

    public void recordSent(UUID id, String reference, String sentBy, LocalDateTime sentAt) {
        jdbc.sql("""
                        UPDATE notifications SET reference = :reference, sent_by = :sentBy, sent_at = :sentAt, updated_at = :sentAt
                        WHERE id = :id""")
                .param("id", id)
                .param("reference", reference)
                .param("sentBy", sentBy)
                .param("sentAt", sentAt)
                .update();
    }

    /** After the provider accepted a text message: international numbers without receipts go straight to sent. */
    public void recordSmsSent(UUID id, String sentBy, int billableUnits, LocalDateTime sentAt, NotificationStatus status) {
        jdbc.sql("""
                        UPDATE notifications SET sent_by = :sentBy, sent_at = :sentAt, updated_at = :sentAt,
                               billable_units = :billableUnits, notification_status = :status
                        WHERE id = :id AND notification_status = 'sending'""")
                .param("id", id)
                .param("sentBy", sentBy)
                .param("sentAt", sentAt)
                .param("billableUnits", billableUnits)
                .param("status", status.wireName())
                .update();
    }

    /**
     * A batch of receipts with one outcome: every listed notification still in an allowed status takes
     * {@code status}, in one statement; the rows changed come back.
     */
    public List<NotificationRow> updateStatuses(Collection<UUID> ids, NotificationStatus status,
                                                Collection<NotificationStatus> allowedPrevious, LocalDateTime now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("UPDATE notifications SET notification_status = :status, updated_at = :now"
                        + " WHERE id IN (:ids) AND notification_status IN (:allowed) RETURNING " + COLUMNS)
                .param("status", status.wireName())
                .param("now", now)
                .param("ids", ids)
                .param("allowed", allowedPrevious.stream().map(NotificationStatus::wireName).toList())
                .query(NotificationRepository::map)
                .list();
    }

    /** Undoes the claim of a send that failed before the provider took it, so a retry can claim it again. */
    public void releaseClaim(UUID id) {
        releaseClaim(id, null);
    }

    /**
     * As {@link #releaseClaim(UUID)}, for a retry due at {@code retryDueAt}: the replay of old created notifications
     * leaves the row to its retry until then. Also marks a claim its send path already released (SMS, with its
     * billable units).
     */
    public void releaseClaim(UUID id, LocalDateTime retryDueAt) {
        jdbc.sql("UPDATE notifications SET notification_status = 'created', provider_call_started_at = NULL,"
                        + " retry_due_at = :retryDueAt"
                        + " WHERE id = :id AND notification_status IN ('sending', 'created') AND sent_at IS NULL")
                .param("id", id)
                .param("retryDueAt", retryDueAt)
                .update();
    }

    /**
     * The re-check after an unanswered provider call: a notification still {@code sending} with its call started and
     * nothing recorded (no answer, and no receipt has moved it on) evidently never reached the provider, so it is
     * {@code created} again for one more send. Only a call started by {@code calledBefore}: a later send's call may be
     * in flight. False when a receipt or another send settled it.
     */
    public boolean releaseUnansweredCall(UUID id, LocalDateTime calledBefore, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE notifications SET notification_status = 'created', provider_call_started_at = NULL,
                               updated_at = :now
                        WHERE id = :id AND notification_status = 'sending' AND sent_at IS NULL
                          AND provider_call_started_at <= :calledBefore""")
                .param("id", id)
                .param("calledBefore", calledBefore)
                .param("now", now)
                .update() == 1;
    }

    /** Returns the failed notification, or empty when it had already moved on. */
    public Optional<NotificationRow> markTechnicalFailure(UUID id, LocalDateTime now) {
        return jdbc.sql("UPDATE notifications SET notification_status = 'technical-failure', updated_at = :now"
                        + " WHERE id = :id AND notification_status IN ('created', 'sending') RETURNING " + COLUMNS)
                .param("id", id)
                .param("now", now)
                .query(NotificationRepository::map)
                .optional();
    }

    /**
     * timeout-sending-notifications: up to {@code limit} emails and text messages still sending or pending since before
     * the cut-off become temporary-failure; returns them. Rows a receipt is updating right now are skipped, not waited for.
     */
    public List<NotificationRow> timeOutSending(LocalDateTime createdBefore, LocalDateTime now, int limit) {
        return jdbc.sql("""
                        UPDATE notifications SET notification_status = 'temporary-failure', updated_at = :now
                        WHERE id IN (SELECT id FROM notifications
                                     WHERE notification_type IN ('email', 'sms')
                                       AND notification_status IN ('sending', 'pending')
                                       AND created_at < :createdBefore
                                     LIMIT :limit FOR UPDATE SKIP LOCKED)
                          AND notification_status IN ('sending', 'pending')""" + " RETURNING " + COLUMNS)
                .param("now", now)
                .param("createdBefore", createdBefore)
                .param("limit", limit)
                .query(NotificationRepository::map)
                .list();
    }

    /** An operator's replay from the dead-letter queue: the send may be tried again. */
    public boolean reopenTechnicalFailure(UUID id) {
        return jdbc.sql("UPDATE notifications SET notification_status = 'created'"
                        + " WHERE id = :id AND notification_status = 'technical-failure' AND sent_at IS NULL")
                .param("id", id)
                .update() == 1;
    }

    /**
     * The oldest notifications of a type created before {@code cutOff}, of one service or (service null) of every
     * service that has no retention of its own for the type: what the nightly purge moves next.
     */
    public List<NotificationRow> purgeCandidates(NotificationType type, UUID serviceId, LocalDateTime cutOff, int limit) {
        String scope = RetentionScope.where(serviceId, "notifications.service_id", "notifications.notification_type");
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE notification_type = :type AND created_at < :cutOff"
                        + scope + " ORDER BY created_at LIMIT :limit")
                .param("type", type.wireName()).param("cutOff", cutOff).param("serviceId", serviceId).param("limit", limit)
                .query(NotificationRepository::map).list();
    }

    /**
     * Moves these notifications to notification_history without their personal data (recipient, personalisation,
     * reply-to) and deletes them, in one statement: each is in one table or the other whatever happens to the node.
     * Test-key notifications get no history, as in Notify; a row locked by a receipt being applied is left for the
     * next run; a history row already there (a re-run) is brought up to date. Returns how many left notifications.
     */
    public int moveToHistory(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        WITH batch AS (
                            SELECT id FROM notifications WHERE id = ANY(:ids) FOR UPDATE SKIP LOCKED
                        ), kept AS (
                            INSERT INTO notification_history (id, job_id, job_row_number, service_id, template_id,
                                   template_version, api_key_id, key_type, billable_units, notification_type, created_at,
                                   sent_at, sent_by, updated_at, notification_status, reference, client_reference,
                                   international, phone_prefix, rate_multiplier, created_by_id, postage)
                            SELECT n.id, n.job_id, n.job_row_number, n.service_id, n.template_id, n.template_version,
                                   n.api_key_id, n.key_type, n.billable_units, n.notification_type, n.created_at, n.sent_at,
                                   n.sent_by, n.updated_at, n.notification_status, n.reference, n.client_reference,
                                   n.international, n.phone_prefix, n.rate_multiplier, n.created_by_id, n.postage
                            FROM notifications n JOIN batch b ON b.id = n.id WHERE n.key_type <> 'test'
                            ON CONFLICT (id) DO UPDATE SET notification_status = EXCLUDED.notification_status,
                                   billable_units = EXCLUDED.billable_units, updated_at = EXCLUDED.updated_at,
                                   sent_at = EXCLUDED.sent_at, sent_by = EXCLUDED.sent_by
                        )
                        DELETE FROM notifications n USING batch b WHERE n.id = b.id""")
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    /**
     * A claim this node made at {@code claimedAt} and never started the provider call of (the node is stopping):
     * created again at once. The exact claim time makes sure it is still that claim, not a later one by another node.
     */
    public boolean releaseUnstartedClaim(UUID id, LocalDateTime claimedAt) {
        return jdbc.sql("""
                        UPDATE notifications SET notification_status = 'created'
                        WHERE id = :id AND notification_status = 'sending' AND sent_at IS NULL
                          AND provider_call_started_at IS NULL AND updated_at = :claimedAt""")
                .param("id", id)
                .param("claimedAt", claimedAt)
                .update() == 1;
    }

    /**
     * Sends claimed long ago whose provider call never started: their worker died between claim and call. They go
     * back to created so a replay sends them once. A claim whose call had started may have reached the provider (the
     * worker died before it could record the answer): it is left to its receipt and to the sending timeout, never
     * sent again.
     */
    public int releaseAbandonedClaims(LocalDateTime claimedBefore) {
        return jdbc.sql("""
                        UPDATE notifications SET notification_status = 'created'
                        WHERE notification_status = 'sending' AND sent_at IS NULL AND provider_call_started_at IS NULL
                          AND notification_type IN ('email', 'sms') AND updated_at < :claimedBefore""")
                .param("claimedBefore", claimedBefore)
                .update();
    }

    /** As {@link #updateStatuses}, for notifications named by their provider reference (SES message ids). */
    public List<NotificationRow> updateStatusesByReference(Collection<String> references, NotificationStatus status,
                                                           Collection<NotificationStatus> allowedPrevious,
                                                           LocalDateTime now) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("UPDATE notifications SET notification_status = :status, updated_at = :now"
                        + " WHERE reference IN (:references) AND notification_status IN (:allowed) RETURNING " + COLUMNS)
                .param("status", status.wireName())
                .param("now", now)
                .param("references", references)
                .param("allowed", allowedPrevious.stream().map(NotificationStatus::wireName).toList())
                .query(NotificationRepository::map)
                .list();
    }

    /** Which of these provider references some notification carries. */
    public Set<String> existingReferences(Collection<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT reference FROM notifications WHERE reference IN (:references)")
                .param("references", references)
                .query(String.class)
                .list());
    }

    /** One page of GET /v2/notifications. */
    public List<NotificationRow> list(ListQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM notifications WHERE service_id = :serviceId AND key_type = :keyType");
        Map<String, Object> params = new HashMap<>();
        params.put("serviceId", query.serviceId());
        params.put("keyType", query.keyType().wireName());
        if (!query.templateTypes().isEmpty()) {
            sql.append(" AND notification_type IN (:types)");
            params.put("types", query.templateTypes().stream().map(NotificationType::wireName).toList());
        }
        if (!query.statuses().isEmpty()) {
            sql.append(" AND notification_status IN (:statuses)");
            params.put("statuses", query.statuses());
        }
        if (query.reference() != null) {
            sql.append(" AND client_reference = :reference");
            params.put("reference", query.reference());
        }
        if (!query.includeJobs()) {
            sql.append(" AND job_id IS NULL");
        }
        if (query.olderThan() != null) {
            sql.append(" AND created_at < (SELECT created_at FROM notifications WHERE id = :olderThan AND service_id = :serviceId)");
            params.put("olderThan", query.olderThan());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        params.put("limit", query.pageSize());
        return jdbc.sql(sql.toString()).params(params).query(NotificationRepository::map).list();
    }

    /**
     * Email and SMS notifications still {@code created} since before the cut-off: their enqueue may have been lost. One
     * waiting for a retry is left to it, unless the retry was due before the cut-off too (then it was lost).
     */
    public List<NotificationRow> findCreatedBefore(LocalDateTime cutOff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM notifications
                        WHERE notification_status = 'created' AND notification_type IN ('email', 'sms')
                          AND created_at < :cutOff AND (retry_due_at IS NULL OR retry_due_at < :cutOff)
                        ORDER BY created_at LIMIT :limit""")
                .param("cutOff", cutOff)
                .param("limit", limit)
                .query(NotificationRepository::map)
                .list();
    }

    // Letters. A templated letter waits for its PDF while it is created (or sending, for a test key) with no billable
    // units; a precompiled one for its scan while it is pending-virus-check.

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
    public boolean markPrecompiledPassed(UUID id, NotificationStatus status, int sheets, String to, String normalisedTo,
                                         String postage, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE notifications SET notification_status = :status, billable_units = :sheets, "to" = :to,
                               normalised_to = :normalisedTo, postage = :postage, updated_at = :now
                        WHERE id = :id AND""" + AWAITING_SCAN)
                .param("status", status.wireName()).param("sheets", sheets).param("to", to)
                .param("normalisedTo", normalisedTo).param("postage", postage).param("now", now).param("id", id)
                .update() == 1;
    }

    /** Every attempt at a letter task failed: the letter will not be printed. */
    public boolean markLetterTechnicalFailure(UUID id, LocalDateTime now) {
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

    /**
     * Letters whose zip reached DVLA (update-letter-notifications-to-sent): created → sending, sent by dvla.
     * Returns how many moved; a letter already moved on is left alone.
     */
    public int markSentToDvla(List<UUID> ids, LocalDateTime now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE notifications SET notification_status = 'sending', sent_by = 'dvla', sent_at = :now,
                               updated_at = :now
                         WHERE id IN (:ids) AND notification_type = 'letter' AND notification_status = 'created'""")
                .param("ids", ids)
                .param("now", now)
                .update();
    }

    /** A letter whose status a DVLA response file changed. */
    public record UpdatedLetter(UUID id, UUID serviceId, String status, int billableUnits, int pageCount,
                                boolean hasDeliveryCallback) {
    }

    /**
     * A DVLA response file's statuses, set by reference in one statement: a letter moves only out of {@code sending},
     * so a final status is never overwritten. Returns the letters changed.
     */
    public List<UpdatedLetter> applyResponseFile(String[] references, String[] statuses, Integer[] pageCounts,
                                                 LocalDateTime now) {
        return jdbc.sql("WITH updated AS (" + UPDATE_FROM_RESPONSE_FILE.formatted("notifications") + """
                        )
                        SELECT u.*, EXISTS (SELECT 1 FROM service_callback_api c WHERE c.service_id = u.service_id
                                              AND c.callback_type = 'delivery_status') AS has_callback
                        FROM updated u""")
                .param("references", new SqlArrayValue("varchar", (Object[]) references))
                .param("statuses", new SqlArrayValue("varchar", (Object[]) statuses))
                .param("pageCounts", new SqlArrayValue("int4", (Object[]) pageCounts))
                .param("now", now)
                .query((rs, n) -> new UpdatedLetter(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                        rs.getString("notification_status"), rs.getInt("billable_units"), rs.getInt("page_count"),
                        rs.getBoolean("has_callback")))
                .list();
    }

    /** The same for letters already moved to notification_history; returns how many changed. */
    public int applyResponseFileToHistory(String[] references, String[] statuses, Integer[] pageCounts,
                                          LocalDateTime now) {
        return jdbc.sql("WITH updated AS (" + UPDATE_FROM_RESPONSE_FILE.formatted("notification_history")
                        + ") SELECT count(*) FROM updated")
                .param("references", new SqlArrayValue("varchar", (Object[]) references))
                .param("statuses", new SqlArrayValue("varchar", (Object[]) statuses))
                .param("pageCounts", new SqlArrayValue("int4", (Object[]) pageCounts))
                .param("now", now)
                .query(Integer.class)
                .single();
    }

    /**
     * Returned letters in one statement: letters that reached the post (sending, delivered, or already returned)
     * become returned-letter in notifications and notification_history, and each is recorded once in
     * returned_letters (reported again: its reported_at moves on). Returns how many letters were recorded.
     */
    public int markLettersReturned(List<String> references, LocalDate reportedAt, LocalDateTime now) {
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
                .param("references", new SqlArrayValue("varchar", references.toArray()))
                .param("reportedAt", reportedAt)
                .param("now", now)
                .update();
    }

    private static NotificationRow map(ResultSet rs, int rowNum) throws SQLException {
        return new NotificationRow(
                rs.getObject("id", UUID.class),
                rs.getString("to"),
                rs.getString("normalised_to"),
                rs.getObject("job_id", UUID.class),
                (Integer) rs.getObject("job_row_number"),
                rs.getObject("service_id", UUID.class),
                rs.getObject("template_id", UUID.class),
                rs.getInt("template_version"),
                rs.getObject("api_key_id", UUID.class),
                KeyType.fromWireName(rs.getString("key_type")),
                rs.getInt("billable_units"),
                NotificationType.fromWireName(rs.getString("notification_type")),
                rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("sent_at", LocalDateTime.class),
                rs.getString("sent_by"),
                rs.getObject("updated_at", LocalDateTime.class),
                NotificationStatus.fromWireName(rs.getString("notification_status")),
                rs.getString("reference"),
                rs.getString("client_reference"),
                rs.getString("_personalisation"),
                rs.getString("reply_to_text"),
                rs.getString("postage"),
                rs.getObject("created_by_id", UUID.class),
                rs.getBoolean("international"),
                rs.getString("phone_prefix"),
                rs.getString("unsubscribe_link"),
                (Integer) rs.getObject("document_download_count"));
    }
}
