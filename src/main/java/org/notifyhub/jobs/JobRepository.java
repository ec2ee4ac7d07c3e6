package org.notifyhub.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.RetentionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The jobs table. Every status change is one guarded UPDATE, so two nodes never both move the same job. */
@Repository
public class JobRepository {

    private static final String COLUMNS = """
            id, original_file_name, service_id, template_id, template_version, created_at, updated_at,
            notification_count, processing_started, processing_finished, created_by_id, scheduled_for, job_status,
            archived, sender_id, contact_list_id""";

    /** A status and how many of a job's notifications have it. */
    public record StatusCount(String status, long count) {
    }

    private final JdbcClient jdbc;

    public JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Job job) {
        jdbc.sql("INSERT INTO jobs (" + COLUMNS + """
                        ) VALUES (:id, :fileName, :serviceId, :templateId, :templateVersion, :createdAt, NULL, :count,
                        NULL, NULL, :createdBy, :scheduledFor, :status, false, :senderId, :contactListId)""")
                .param("id", job.id())
                .param("fileName", job.originalFileName())
                .param("serviceId", job.serviceId())
                .param("templateId", job.templateId())
                .param("templateVersion", job.templateVersion())
                .param("createdAt", job.createdAt())
                .param("count", job.notificationCount())
                .param("createdBy", job.createdById())
                .param("scheduledFor", job.scheduledFor())
                .param("status", job.status())
                .param("senderId", job.senderId())
                .param("contactListId", job.contactListId())
                .update();
    }

    public Optional<Job> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = :id").param("id", id)
                .query(JobRepository::map).optional();
    }

    public Optional<Job> find(UUID serviceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = :id AND service_id = :serviceId")
                .param("id", id).param("serviceId", serviceId)
                .query(JobRepository::map).optional();
    }

    /** How many jobs are being processed now (an operator's gauge). */
    public long countInProgress() {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE job_status = 'in progress'").query(Long.class).single();
    }

    /** pending → in progress: only one node wins a job, so a repeated process-job message does nothing. */
    public Optional<Job> start(UUID id, LocalDateTime now) {
        return jdbc.sql("UPDATE jobs SET job_status = 'in progress', processing_started = :now, updated_at = :now"
                        + " WHERE id = :id AND job_status = 'pending' RETURNING " + COLUMNS)
                .param("id", id).param("now", now)
                .query(JobRepository::map).optional();
    }

    /** Moves an in-progress job on to a final status (finished, cancelled, sending limits exceeded). */
    public boolean end(UUID id, String status, LocalDateTime now) {
        return jdbc.sql("UPDATE jobs SET job_status = :status, processing_finished = :now, updated_at = :now"
                        + " WHERE id = :id AND job_status = 'in progress'")
                .param("id", id).param("status", status).param("now", now)
                .update() == 1;
    }

    /** run-scheduled-jobs: due scheduled jobs become pending, oldest first; the row locks keep two runs apart. */
    public List<UUID> releaseDueScheduled(LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE jobs SET job_status = 'pending', updated_at = :now
                         WHERE id IN (SELECT id FROM jobs WHERE job_status = 'scheduled' AND scheduled_for <= :now
                                       ORDER BY scheduled_for FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .param("now", now)
                .query(UUID.class).list();
    }

    public Optional<Job> cancelScheduled(UUID serviceId, UUID id, LocalDateTime now) {
        return jdbc.sql("UPDATE jobs SET job_status = 'cancelled', updated_at = :now"
                        + " WHERE id = :id AND service_id = :serviceId AND job_status = 'scheduled' RETURNING " + COLUMNS)
                .param("id", id).param("serviceId", serviceId).param("now", now)
                .query(JobRepository::map).optional();
    }

    /**
     * check-job-status: jobs in progress since before the cut-off, and scheduled jobs still pending since before it,
     * become error, so the same job is never handed on twice.
     */
    public List<UUID> markStalledAsError(LocalDateTime cutOff, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE jobs SET job_status = 'error', updated_at = :now
                         WHERE (job_status = 'in progress' AND processing_started < :cutOff)
                            OR (job_status = 'pending' AND scheduled_for < :cutOff)
                        RETURNING id""")
                .param("cutOff", cutOff).param("now", now)
                .query(UUID.class).list();
    }

    /** A job moved back to in progress, and whether it had been started before (its daily limit then taken). */
    public record Restarted(Job job, boolean wasStarted) {
    }

    /** process-incomplete-jobs: every errored job goes back to in progress, with a fresh start time, before any runs. */
    public List<Restarted> restartErrored(List<UUID> ids, LocalDateTime now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        WITH before AS (SELECT id AS errored_id, processing_started IS NOT NULL AS was_started FROM jobs
                                         WHERE id IN (:ids) AND job_status = 'error' FOR UPDATE)
                        UPDATE jobs SET job_status = 'in progress', processing_started = :now, updated_at = :now
                          FROM before WHERE jobs.id = before.errored_id
                        RETURNING was_started, """ + COLUMNS)
                .param("ids", ids).param("now", now)
                .query((rs, n) -> new Restarted(map(rs, n), rs.getBoolean("was_started")))
                .list();
    }

    /** Finished jobs, between the two times, that have fewer notifications than rows (none at all included). */
    public List<Job> finishedWithMissingRows(LocalDateTime finishedAfter, LocalDateTime finishedBefore) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM jobs
                        WHERE job_status = 'finished'
                          AND processing_finished > :after AND processing_finished < :before
                          AND (SELECT count(*) FROM notifications n WHERE n.job_id = jobs.id)
                            + (SELECT count(*) FROM notification_history h WHERE h.job_id = jobs.id) < notification_count""")
                .param("after", finishedAfter).param("before", finishedBefore)
                .query(JobRepository::map).list();
    }

    /**
     * The row numbers that already have a notification (in history too, once purged, so a late missing-rows check never
     * sends a purged row again): a job of 100,000 rows needs 12.5 kB.
     */
    public BitSet savedRows(UUID jobId) {
        BitSet saved = new BitSet();
        jdbc.sql("SELECT job_row_number FROM notifications WHERE job_id = :jobId AND job_row_number IS NOT NULL"
                        + " UNION ALL SELECT job_row_number FROM notification_history"
                        + " WHERE job_id = :jobId AND job_row_number IS NOT NULL")
                .param("jobId", jobId)
                .query((ResultSet rs) -> {
                    saved.set(rs.getInt(1));
                });
        return saved;
    }

    /** A job whose file and notifications may go: its id and service. */
    public record JobOfService(UUID id, UUID serviceId) {
    }

    /**
     * Jobs not yet archived of templates of this type, created (or scheduled) before {@code cutOff}, of one service or
     * (service null) of every service without a retention of its own for the type: the next the purge archives.
     */
    public List<JobOfService> unarchivedBefore(String templateType, UUID serviceId, LocalDateTime cutOff, int limit) {
        String scope = RetentionScope.where(serviceId, "j.service_id", ":type");
        return jdbc.sql("""
                        SELECT j.id, j.service_id FROM jobs j
                        JOIN templates_history t ON t.id = j.template_id AND t.version = j.template_version
                        WHERE NOT j.archived AND t.template_type = :type AND coalesce(j.scheduled_for, j.created_at) < :cutOff
                        """ + scope + " ORDER BY j.created_at LIMIT :limit")
                .param("type", templateType).param("serviceId", serviceId).param("cutOff", cutOff).param("limit", limit)
                .query((rs, n) -> new JobOfService(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class)))
                .list();
    }

    public void archive(UUID jobId, LocalDateTime now) {
        jdbc.sql("UPDATE jobs SET archived = true, updated_at = :now WHERE id = :id").param("id", jobId)
                .param("now", now).update();
    }

    /** Counts by status, from history too: a job's statistics outlive its notifications' retention. */
    public List<StatusCount> statistics(UUID jobId) {
        return jdbc.sql("""
                        SELECT notification_status, count(*) FROM (
                            SELECT notification_status FROM notifications WHERE job_id = :jobId
                            UNION ALL
                            SELECT notification_status FROM notification_history WHERE job_id = :jobId
                        ) rows GROUP BY notification_status ORDER BY notification_status""")
                .param("jobId", jobId)
                .query((rs, n) -> new StatusCount(rs.getString(1), rs.getLong(2)))
                .list();
    }

    static Job map(ResultSet rs, int rowNum) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), rs.getString("original_file_name"),
                rs.getObject("service_id", UUID.class), rs.getObject("template_id", UUID.class),
                rs.getInt("template_version"), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("updated_at", LocalDateTime.class), rs.getInt("notification_count"),
                rs.getObject("processing_started", LocalDateTime.class),
                rs.getObject("processing_finished", LocalDateTime.class), rs.getObject("created_by_id", UUID.class),
                rs.getObject("scheduled_for", LocalDateTime.class), rs.getString("job_status"),
                rs.getBoolean("archived"), rs.getObject("sender_id", UUID.class),
                rs.getObject("contact_list_id", UUID.class));
    }
}
