package org.notifyhub.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a service's jobs with their creator's, service's and template's names. */
@Repository
public class JobListingRepository {

    private static final String SELECT = """
            SELECT j.*, u.name AS user_name, s.name AS service_name, t.name AS template_name,
                   t.template_type AS template_type
              FROM jobs j
              JOIN services s ON s.id = j.service_id
              JOIN templates_history t ON t.id = j.template_id AND t.version = j.template_version
              LEFT JOIN users u ON u.id = j.created_by_id
            """;

    private final JdbcClient jdbc;

    public JobListingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<JobListing> find(UUID serviceId, UUID jobId) {
        return jdbc.sql(SELECT + " WHERE j.service_id = :serviceId AND j.id = :jobId")
                .param("serviceId", serviceId).param("jobId", jobId)
                .query(JobListingRepository::map).optional();
    }

    /** One page, newest (by when it is or was to be sent) first. */
    public List<JobListing> list(UUID serviceId, int limit, int offset) {
        return jdbc.sql(SELECT + " WHERE j.service_id = :serviceId"
                        + " ORDER BY COALESCE(j.scheduled_for, j.created_at) DESC LIMIT :limit OFFSET :offset")
                .param("serviceId", serviceId).param("limit", limit).param("offset", offset)
                .query(JobListingRepository::map).list();
    }

    public long count(UUID serviceId) {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE service_id = :serviceId").param("serviceId", serviceId)
                .query(Long.class).single();
    }

    private static JobListing map(ResultSet rs, int rowNum) throws SQLException {
        return new JobListing(JobRepository.map(rs, rowNum), rs.getString("user_name"), rs.getString("service_name"),
                rs.getString("template_name"), rs.getString("template_type"));
    }
}
