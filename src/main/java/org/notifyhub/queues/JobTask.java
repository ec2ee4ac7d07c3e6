package org.notifyhub.queues;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** A job-tasks message: process-job, process-incomplete-jobs or process-missing-rows, with the job(s) it is for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobTask(String task, @JsonProperty("job_id") UUID jobId, @JsonProperty("job_ids") List<UUID> jobIds)
        implements QueueMessage {

    public static final String PROCESS_JOB = "process-job";
    public static final String PROCESS_INCOMPLETE_JOBS = "process-incomplete-jobs";
    public static final String PROCESS_MISSING_ROWS = "process-missing-rows";

    public static JobTask processJob(UUID jobId) {
        return new JobTask(PROCESS_JOB, jobId, null);
    }

    public static JobTask processIncompleteJobs(List<UUID> jobIds) {
        return new JobTask(PROCESS_INCOMPLETE_JOBS, null, jobIds);
    }

    public static JobTask processMissingRows(UUID jobId) {
        return new JobTask(PROCESS_MISSING_ROWS, jobId, null);
    }
}
