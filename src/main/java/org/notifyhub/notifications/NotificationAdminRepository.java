package org.notifyhub.notifications;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The admin view of a service's notifications: filtered, newest first, a page at a time. */
@Repository
public class NotificationAdminRepository {

    private static final String SELECT = """
            SELECT n.id, n."to", n.normalised_to, n.job_id, n.job_row_number, n.service_id, n.template_id,
                   n.template_version, n.api_key_id, n.key_type, n.billable_units, n.notification_type, n.created_at,
                   n.sent_at, n.sent_by, n.updated_at, n.notification_status, n.reference, n.client_reference,
                   n._personalisation, n.reply_to_text, n.postage, n.created_by_id, n.international, n.phone_prefix,
                   n.unsubscribe_link, n.rate_multiplier, n.document_download_count, k.name AS key_name, j.original_file_name,
                   u.name AS created_by_name, u.email_address AS created_by_email, t.name AS template_name,
                   t.template_type, t.content AS template_content, t.subject AS template_subject,
                   t.hidden AS template_hidden
            FROM notifications n
            JOIN templates_history t ON t.id = n.template_id AND t.version = n.template_version
            LEFT JOIN api_keys k ON k.id = n.api_key_id
            LEFT JOIN jobs j ON j.id = n.job_id
            LEFT JOIN users u ON u.id = n.created_by_id
            WHERE n.service_id = :serviceId""";

    private final JdbcClient jdbc;

    public NotificationAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long countForJob(UUID serviceId, UUID jobId, List<String> statuses) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :serviceId AND job_id = :jobId"
                        + (statuses.isEmpty() ? "" : " AND notification_status IN (:statuses)"))
                .param("serviceId", serviceId).param("jobId", jobId)
                .param("statuses", statuses.isEmpty() ? List.of("") : statuses)
                .query(Long.class).single();
    }

    public List<ServiceNotification> find(ServiceNotificationQuery q) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        params.put("serviceId", q.serviceId());
        if (!q.statuses().isEmpty()) {
            sql.append(" AND n.notification_status IN (:statuses)");
            params.put("statuses", q.statuses());
        }
        if (!q.types().isEmpty()) {
            sql.append(" AND n.notification_type IN (:types)");
            params.put("types", q.types());
        }
        if (q.createdSince() != null) {
            sql.append(" AND n.created_at >= :createdSince");
            params.put("createdSince", q.createdSince());
        }
        if (q.olderThan() != null) {
            // An id the service does not have matches nothing, as in Notify.
            sql.append(" AND n.created_at < (SELECT o.created_at FROM notifications o"
                    + " WHERE o.id = :olderThan AND o.service_id = :serviceId)");
            params.put("olderThan", q.olderThan());
        }
        if (!q.includeJobs()) {
            sql.append(" AND n.job_id IS NULL");
        }
        if (!q.includeOneOff()) {
            sql.append(" AND n.created_by_id IS NULL");
        }
        if (!q.includeFromTestKey()) {
            sql.append(" AND n.key_type <> 'test'");
        }
        if (q.recipientContains() != null) {
            sql.append(" AND (n.normalised_to ILIKE :recipient ESCAPE '\\' OR n.\"to\" ILIKE :recipient ESCAPE '\\')");
            params.put("recipient", "%" + q.recipientContains().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        if (q.jobId() != null) {
            sql.append(" AND n.job_id = :jobId ORDER BY n.job_row_number, n.id OFFSET :offset LIMIT :limit");
            params.put("jobId", q.jobId());
        } else {
            sql.append(" ORDER BY n.created_at DESC, n.id OFFSET :offset LIMIT :limit");
        }
        params.put("offset", q.offset());
        params.put("limit", q.limit());
        return jdbc.sql(sql.toString()).params(params).query(NotificationAdminRepository::map).list();
    }

    private static ServiceNotification map(ResultSet rs, int rowNum) throws SQLException {
        NotificationRow row = new NotificationRow(rs.getObject("id", UUID.class), rs.getString("to"),
                rs.getString("normalised_to"), rs.getObject("job_id", UUID.class), (Integer) rs.getObject("job_row_number"),
                rs.getObject("service_id", UUID.class), rs.getObject("template_id", UUID.class),
                rs.getInt("template_version"), rs.getObject("api_key_id", UUID.class),
                KeyType.fromWireName(rs.getString("key_type")), rs.getInt("billable_units"),
                NotificationType.fromWireName(rs.getString("notification_type")),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("sent_at", LocalDateTime.class),
                rs.getString("sent_by"), rs.getObject("updated_at", LocalDateTime.class),
                NotificationStatus.fromWireName(rs.getString("notification_status")), rs.getString("reference"),
                rs.getString("client_reference"), rs.getString("_personalisation"), rs.getString("reply_to_text"),
                rs.getString("postage"), rs.getObject("created_by_id", UUID.class), rs.getBoolean("international"),
                rs.getString("phone_prefix"), rs.getString("unsubscribe_link"),
                (Integer) rs.getObject("document_download_count"));
        return new ServiceNotification(row, rs.getBoolean("international"), rs.getString("phone_prefix"),
                rs.getObject("rate_multiplier", BigDecimal.class), (Integer) rs.getObject("document_download_count"),
                rs.getString("key_name"), rs.getString("original_file_name"), rs.getString("created_by_name"),
                rs.getString("created_by_email"), rs.getString("template_name"), rs.getString("template_type"),
                rs.getString("template_content"), rs.getString("template_subject"), rs.getBoolean("template_hidden"));
    }
}
