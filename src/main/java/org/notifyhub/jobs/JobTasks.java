package org.notifyhub.jobs;

import java.util.List;
import org.notifyhub.queues.JobTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.springframework.stereotype.Component;

/** Puts job tasks on job-tasks. */
@Component
public class JobTasks {

    private final Outbox outbox;
    private final String jobTasks;

    public JobTasks(Outbox outbox, QueueNames queues) {
        this.outbox = outbox;
        this.jobTasks = queues.jobTasks();
    }

    public void send(List<JobTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        outbox.sendAll(jobTasks, tasks);
    }
}
