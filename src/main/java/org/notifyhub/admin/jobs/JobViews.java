package org.notifyhub.admin.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads jobs with the names the admin app shows beside them: creator, service and template. */
@Repository
public class JobViews {

    private static final String SELECT = """
            SELECT j.*, u.name AS user_name, s.name AS service_name, t.name AS template_name,
                   t.template_type AS template_type
              FROM jobs j
              JOIN services s ON s.id = j.service_id
              JOIN templates_history t ON t.id = j.template_id AND t.version = j.template_version
              LEFT JOIN users u ON u.id = j.created_by_id
            """;

    private final JdbcClient jdbc;

    public JobViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<JobView> find(UUID serviceId, UUID jobId) {
        return jdbc.sql(SELECT + " WHERE j.service_id = :serviceId AND j.id = :jobId")
                .param("serviceId", serviceId).param("jobId", jobId)
                .query(JobViews::map).optional();
    }

    public List<JobView> list(UUID serviceId, int limit, int offset) {
        return jdbc.sql(SELECT + " WHERE j.service_id = :serviceId"
                        + " ORDER BY COALESCE(j.scheduled_for, j.created_at) DESC LIMIT :limit OFFSET :offset")
                .param("serviceId", serviceId).param("limit", limit).param("offset", offset)
                .query(JobViews::map).list();
    }

    public long count(UUID serviceId) {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE service_id = :serviceId").param("serviceId", serviceId)
                .query(Long.class).single();
    }

    private static JobView map(ResultSet rs, int rowNum) throws SQLException {
        Map<String, Object> createdBy = null;
        UUID createdById = rs.getObject("created_by_id", UUID.class);
        if (createdById != null) {
            createdBy = new LinkedHashMap<>();
            createdBy.put("id", createdById);
            createdBy.put("name", rs.getString("user_name"));
        }
        return new JobView(rs.getObject("id", UUID.class), rs.getString("original_file_name"),
                time(rs, "created_at"), time(rs, "updated_at"), createdBy, rs.getString("job_status"),
                rs.getInt("notification_count"), time(rs, "processing_started"), time(rs, "processing_finished"),
                time(rs, "scheduled_for"), rs.getObject("service_id", UUID.class),
                Map.of("name", rs.getString("service_name")), rs.getObject("template_id", UUID.class),
                rs.getInt("template_version"), rs.getString("template_name"), rs.getString("template_type"),
                rs.getBoolean("archived"), rs.getObject("contact_list_id", UUID.class), List.of());
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        return NotifyTime.toWire(rs.getObject(column, LocalDateTime.class));
    }
}
