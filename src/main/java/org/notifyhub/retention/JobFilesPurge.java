package org.notifyhub.retention;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.notifyhub.jobs.JobCsvStore;
import org.notifyhub.jobs.JobRepository;
import org.notifyhub.jobs.JobRepository.JobOfService;
import org.notifyhub.notifications.NotificationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * remove_sms_email_jobs and remove_letter_jobs: a job's uploaded CSV (recipients and their personalisation) is deleted
 * from the bucket once the job is past its service's retention for the template's type, and the job is archived; its
 * statistics live on from notification_history. The file goes before the flag, so a run cut short leaves at most a
 * job whose file is already gone and which the next run archives.
 */
@Component
public class JobFilesPurge {

    private static final Logger log = LoggerFactory.getLogger(JobFilesPurge.class);

    private final JobRepository jobs;
    private final JobCsvStore files;
    private final NotificationPurge notifications;
    private final Clock clock;
    private final int batchSize;

    public JobFilesPurge(JobRepository jobs, JobCsvStore files, NotificationPurge notifications, Clock clock,
                         @Value("${notify.retention.batch-size:10000}") int batchSize) {
        this.jobs = jobs;
        this.files = files;
        this.notifications = notifications;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** remove_sms_email_jobs; returns how many jobs were archived. */
    public int smsAndEmailJobs() {
        return archive(NotificationType.SMS) + archive(NotificationType.EMAIL);
    }

    /** remove_letter_jobs; returns how many jobs were archived. */
    public int letterJobs() {
        return archive(NotificationType.LETTER);
    }

    private int archive(NotificationType type) {
        int archived = notifications.eachRetention(type, (serviceId, cutOff) -> archive(type, serviceId, cutOff));
        if (archived > 0) {
            log.info("Purge past retention: {} {} job(s) archived and their files deleted", archived, type.wireName());
        }
        return archived;
    }

    private int archive(NotificationType type, UUID serviceId, LocalDateTime cutOff) {
        int total = 0;
        List<JobOfService> batch;
        do {
            batch = jobs.unarchivedBefore(type.wireName(), serviceId, cutOff, batchSize);
            for (JobOfService job : batch) {
                files.delete(job.serviceId(), job.id());
                jobs.archive(job.id(), LocalDateTime.now(clock));
            }
            total += batch.size();
        } while (batch.size() == batchSize);
        return total;
    }
}
