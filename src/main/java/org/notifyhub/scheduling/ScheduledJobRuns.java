package org.notifyhub.scheduling;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import org.apache.camel.Header;
import org.notifyhub.common.NotifyTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Records each firing of a scheduled job, so operators (and tests) see which node ran what and when. */
@Component
public class ScheduledJobRuns {

    private final ScheduledJobRunRepository runs;
    private final Clock clock;
    private final String node;

    public ScheduledJobRuns(ScheduledJobRunRepository runs, Clock clock, @Value("${notify.node-name}") String node) {
        this.runs = runs;
        this.clock = clock;
        this.node = node;
    }

    public void record(@Header("jobName") String jobName, @Header("scheduledFireTime") Date scheduledFireTime) {
        LocalDateTime now = LocalDateTime.now(clock);
        runs.insert(jobName, scheduledFireTime == null ? now : NotifyTime.toUtc(scheduledFireTime.toInstant()), now, node);
    }
}
