package org.notifyhub.scheduling;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** scheduled_job_runs: one row per firing of a scheduled job. */
@Repository
public class ScheduledJobRunRepository {

    private final JdbcClient jdbc;

    public ScheduledJobRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String jobName, LocalDateTime scheduledFireTime, LocalDateTime firedAt, String node) {
        jdbc.sql("""
                        INSERT INTO scheduled_job_runs (job_name, scheduled_fire_time, fired_at, node)
                        VALUES (:job, :scheduled, :now, :node)""")
                .param("job", jobName)
                .param("scheduled", scheduledFireTime)
                .param("now", firedAt)
                .param("node", node)
                .update();
    }
}
