package org.notifyhub.jobs;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.notifyhub.queues.JobTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The scheduled job tasks (§4.4, §4.6): run-scheduled-jobs, check-job-status and
 * check-for-missing-rows-in-completed-jobs. They only pick jobs and queue job tasks; the work runs on job-tasks.
 */
@Component
public class JobWatchdogs {

    private static final Logger log = LoggerFactory.getLogger(JobWatchdogs.class);

    private final JobRepository jobs;
    private final JobTasks tasks;
    private final Clock clock;
    private final int stalledMinutes;
    private final int missingRowsAfterMinutes;
    private final int missingRowsWithinHours;

    public JobWatchdogs(JobRepository jobs, JobTasks tasks, Clock clock,
                        @Value("${notify.jobs.stalled-after-minutes}") int stalledMinutes,
                        @Value("${notify.jobs.missing-rows-after-minutes}") int missingRowsAfterMinutes,
                        @Value("${notify.jobs.missing-rows-within-hours}") int missingRowsWithinHours) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.clock = clock;
        this.stalledMinutes = stalledMinutes;
        this.missingRowsAfterMinutes = missingRowsAfterMinutes;
        this.missingRowsWithinHours = missingRowsWithinHours;
    }

    public int runScheduledJobs() {
        List<UUID> due = jobs.releaseDueScheduled(LocalDateTime.now(clock));
        tasks.send(due.stream().map(JobTask::processJob).toList());
        if (!due.isEmpty()) {
            log.info("run-scheduled-jobs: {} job(s) due", due.size());
        }
        return due.size();
    }

    /**
     * Jobs in progress too long, and scheduled jobs still pending too long after their time, become error first, so
     * the next run cannot pick them again, then go to process-incomplete-jobs together.
     */
    public int checkJobStatus() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<UUID> stalled = jobs.markStalledAsError(now.minusMinutes(stalledMinutes), now);
        if (!stalled.isEmpty()) {
            log.error("check-job-status: job(s) {} stalled; resuming them", stalled);
            tasks.send(List.of(JobTask.processIncompleteJobs(stalled)));
        }
        return stalled.size();
    }

    public int checkForMissingRows() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Job> incomplete = jobs.finishedWithMissingRows(now.minusHours(missingRowsWithinHours),
                now.minusMinutes(missingRowsAfterMinutes));
        if (!incomplete.isEmpty()) {
            log.error("check-for-missing-rows-in-completed-jobs: job(s) {} have missing rows",
                    incomplete.stream().map(Job::id).toList());
            tasks.send(incomplete.stream().map(job -> JobTask.processMissingRows(job.id())).toList());
        }
        return incomplete.size();
    }
}
