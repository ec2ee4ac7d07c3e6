package org.notifyhub.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.notifyhub.queues.JobTask;
import org.notifyhub.queues.SqsBatches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Puts job tasks on job-tasks. */
@Component
public class JobTasks {

    private final SqsBatches queue;
    private final ObjectMapper mapper;
    private final String jobTasks;

    public JobTasks(SqsBatches queue, ObjectMapper mapper, @Value("${notify.queues.job-tasks}") String jobTasks) {
        this.queue = queue;
        this.mapper = mapper;
        this.jobTasks = jobTasks;
    }

    public void send(List<JobTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        queue.send(jobTasks, tasks.stream().map(this::json).toList());
    }

    private String json(JobTask task) {
        try {
            return mapper.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a job task", e);
        }
    }
}
