package org.notifyhub.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import org.notifyhub.common.Encryption;
import org.notifyhub.limits.DailyLimits;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.queues.SaveTask;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.notifyhub.templates.TemplateType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * process-job, process-incomplete-jobs and the missing-rows check: streams a job's CSV from S3 and puts its rows,
 * each with the notification id it will have, onto database-tasks as save tasks of up to {@value #ROWS_PER_TASK}
 * rows. Rows that already have a notification are skipped, so a resumed job picks up where it stopped and a
 * finished job gets only its missing rows; a row queued twice is saved once (unique job id and row number).
 */
@Component
public class JobProcessor {

    static final int ROWS_PER_TASK = 100;
    /** Encrypted and base64-encoded, a task grows by about a third: this keeps it well inside SQS's 256 KiB. */
    static final int MAX_TASK_ROW_BYTES = 48 * 1024;

    private static final Logger log = LoggerFactory.getLogger(JobProcessor.class);

    private final JobRepository jobs;
    private final JobCsvStore files;
    private final ServiceRepository services;
    private final TemplateRepository templates;
    private final DailyLimits dailyLimits;
    private final Outbox outbox;
    private final Encryption encryption;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String databaseTasks;

    public JobProcessor(JobRepository jobs, JobCsvStore files, ServiceRepository services, TemplateRepository templates,
                        DailyLimits dailyLimits, Outbox outbox, Encryption encryption, ObjectMapper mapper, Clock clock,
                        QueueNames queues) {
        this.jobs = jobs;
        this.files = files;
        this.services = services;
        this.templates = templates;
        this.dailyLimits = dailyLimits;
        this.outbox = outbox;
        this.encryption = encryption;
        this.mapper = mapper;
        this.clock = clock;
        this.databaseTasks = queues.databaseTasks();
    }

    /** process-job: only a pending job is started, so a repeated message does nothing. */
    public void process(UUID jobId) {
        Job job = jobs.start(jobId, now()).orElse(null);
        if (job == null) {
            log.info("Job {} is not pending; nothing to process", jobId);
            return;
        }
        Service service = services.find(job.serviceId()).orElseThrow();
        if (!service.active()) {
            jobs.end(job.id(), Job.CANCELLED, now());
            log.info("Job {} cancelled: service {} is inactive", job.id(), service.id());
            return;
        }
        StoredTemplate template = template(job);
        if (!takeDailyLimit(job, service, template)) {
            jobs.end(job.id(), Job.SENDING_LIMITS_EXCEEDED, now());
            log.info("Job {} not sent: {} rows would pass service {}'s daily limit", job.id(), job.notificationCount(),
                    service.id());
            return;
        }
        int queued = queueRows(job, template, new BitSet());
        jobs.end(job.id(), Job.FINISHED, now());
        log.info("Job {} finished: {} rows queued to be saved", job.id(), queued);
    }

    /**
     * process-incomplete-jobs: every job goes back to in progress, with a fresh start, before any is worked on, so the
     * stalled-job check cannot pick one up again while it waits its turn here.
     */
    public void processIncomplete(List<UUID> jobIds) {
        List<JobRepository.Restarted> restarted = jobs.restartErrored(jobIds, now());
        for (JobRepository.Restarted restart : restarted) {
            try {
                resume(restart);
            } catch (RuntimeException e) {
                // the others still run; this one stays in progress and check-job-status hands it on again
                log.error("Job {} could not be resumed: {}", restart.job().id(), e.getMessage(), e);
            }
        }
    }

    private void resume(JobRepository.Restarted restart) {
        Job job = restart.job();
        StoredTemplate template = template(job);
        if (!restart.wasStarted()) {
            Service service = services.find(job.serviceId()).orElseThrow();
            if (!takeDailyLimit(job, service, template)) {
                jobs.end(job.id(), Job.SENDING_LIMITS_EXCEEDED, now());
                return;
            }
        }
        int queued = queueRows(job, template, jobs.savedRows(job.id()));
        jobs.end(job.id(), Job.FINISHED, now());
        log.info("Job {} resumed and finished: {} unsaved rows queued", job.id(), queued);
    }

    /** check-for-missing-rows-in-completed-jobs: queues again the rows of a finished job that have no notification. */
    public int processMissingRows(UUID jobId) {
        Job job = jobs.find(jobId).orElse(null);
        if (job == null || !Job.FINISHED.equals(job.status())) {
            return 0;
        }
        int queued = queueRows(job, template(job), jobs.savedRows(job.id()));
        log.warn("Job {} was missing rows: {} queued again", job.id(), queued);
        return queued;
    }

    private StoredTemplate template(Job job) {
        return templates.findVersion(job.serviceId(), job.templateId(), job.templateVersion()).orElseThrow();
    }

    /** The whole file against the day's limits at once, its international texts counted with a first pass over it. */
    private boolean takeDailyLimit(Job job, Service service, StoredTemplate template) {
        String type = template.templateType();
        long international = TemplateType.SMS.wireName().equals(type) ? internationalRows(job) : 0;
        return dailyLimits.tryTakeJob(service, type, job.notificationCount(), international, LocalDate.now(clock));
    }

    private long internationalRows(Job job) {
        long international = 0;
        try (InputStream in = files.open(job.serviceId(), job.id())) {
            CsvRows csv = CsvRows.read(in);
            List<String> headers = csv.next();
            if (headers == null) {
                return 0;
            }
            JobRows rows = new JobRows(TemplateType.SMS, headers);
            List<String> row;
            int rowNumber = 0;
            while ((row = csv.next()) != null && rowNumber++ < job.notificationCount()) {
                try {
                    if (PhoneNumbers.parse(rows.recipient(row)).requiresInternationalPermission()) {
                        international++;
                    }
                } catch (InvalidRecipientException checkedOnUpload) {
                    // not counted: the saver skips it too
                }
            }
            return international;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the file of job " + job.id(), e);
        }
    }

    private int queueRows(Job job, StoredTemplate template, BitSet saved) {
        TemplateType type = TemplateType.fromWireName(template.templateType());
        String task = SaveTask.taskFor(template.templateType());
        TaskBuffer buffer = new TaskBuffer(job.id(), task);
        try (InputStream in = files.open(job.serviceId(), job.id())) {
            CsvRows csv = CsvRows.read(in);
            List<String> headers = csv.next();
            if (headers == null) {
                return 0;
            }
            JobRows rows = new JobRows(type, headers);
            int rowNumber = 0;
            List<String> row;
            while ((row = csv.next()) != null && rowNumber < job.notificationCount()) {
                int number = rowNumber++;
                if (!saved.get(number)) {
                    buffer.add(new SaveTask.Row(UUID.randomUUID(), number, rows.recipient(row), rows.personalisation(row)));
                }
            }
            buffer.flush();
            return buffer.rowCount;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the file of job " + job.id(), e);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Rows become tasks of at most ROWS_PER_TASK rows; tasks go to SQS ten at a time. */
    private final class TaskBuffer {

        private final UUID jobId;
        private final String task;
        private final List<String> rowJson = new ArrayList<>(ROWS_PER_TASK);
        private final List<SaveTask> tasks = new ArrayList<>(Outbox.MAX_BATCH_ENTRIES);
        private int rowBytes;
        private int rowCount;

        TaskBuffer(UUID jobId, String task) {
            this.jobId = jobId;
            this.task = task;
        }

        void add(SaveTask.Row row) {
            String json = json(row);
            if (!rowJson.isEmpty() && (rowJson.size() == ROWS_PER_TASK || rowBytes + json.length() > MAX_TASK_ROW_BYTES)) {
                closeTask();
            }
            rowJson.add(json);
            rowBytes += json.length();
            rowCount++;
        }

        void flush() {
            if (!rowJson.isEmpty()) {
                closeTask();
            }
            if (!tasks.isEmpty()) {
                outbox.sendAll(databaseTasks, tasks);
                tasks.clear();
            }
        }

        private void closeTask() {
            String rows = encryption.encrypt("[" + String.join(",", rowJson) + "]");
            tasks.add(new SaveTask(task, jobId, rows));
            rowJson.clear();
            rowBytes = 0;
            if (tasks.size() == Outbox.MAX_BATCH_ENTRIES) {
                outbox.sendAll(databaseTasks, tasks);
                tasks.clear();
            }
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName(), e);
        }
    }
}
