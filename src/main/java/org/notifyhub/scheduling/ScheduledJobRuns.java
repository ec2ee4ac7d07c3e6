package org.notifyhub.scheduling;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import org.apache.camel.Header;
import org.notifyhub.common.NotifyTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records each firing of a scheduled job, so operators (and tests) see which node ran what and when. */
@Repository
public class ScheduledJobRuns {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node;

    public ScheduledJobRuns(JdbcClient jdbc, Clock clock, @Value("${notify.node-name}") String node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node;
    }

    public void record(@Header("jobName") String jobName, @Header("scheduledFireTime") Date scheduledFireTime) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                        INSERT INTO scheduled_job_runs (job_name, scheduled_fire_time, fired_at, node)
                        VALUES (:job, :scheduled, :now, :node)""")
                .param("job", jobName)
                .param("scheduled", scheduledFireTime == null ? now : NotifyTime.toUtc(scheduledFireTime.toInstant()))
                .param("now", now)
                .param("node", node)
                .update();
    }
}
