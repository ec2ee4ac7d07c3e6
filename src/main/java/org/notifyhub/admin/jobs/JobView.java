package org.notifyhub.admin.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.jobs.Job;
import org.notifyhub.jobs.JobListing;
import org.notifyhub.jobs.JobRepository;

/** A job as Notify's admin API shows it (job_schema), with statistics counted from its notifications. */
public record JobView(
        UUID id,
        @JsonProperty("original_file_name") String originalFileName,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("created_by") Map<String, Object> createdBy,
        @JsonProperty("job_status") String jobStatus,
        @JsonProperty("notification_count") int notificationCount,
        @JsonProperty("processing_started") String processingStarted,
        @JsonProperty("processing_finished") String processingFinished,
        @JsonProperty("scheduled_for") String scheduledFor,
        UUID service,
        @JsonProperty("service_name") Map<String, String> serviceName,
        UUID template,
        @JsonProperty("template_version") int templateVersion,
        @JsonProperty("template_name") String templateName,
        @JsonProperty("template_type") String templateType,
        boolean archived,
        @JsonProperty("contact_list_id") UUID contactListId,
        List<Statistic> statistics) {

    /** As the job was created: statistics are added once counted. */
    static JobView of(JobListing listing) {
        Job job = listing.job();
        Map<String, Object> createdBy = null;
        if (job.createdById() != null) {
            createdBy = new LinkedHashMap<>();
            createdBy.put("id", job.createdById());
            createdBy.put("name", listing.createdByName());
        }
        return new JobView(job.id(), job.originalFileName(), NotifyTime.toWire(job.createdAt()),
                NotifyTime.toWire(job.updatedAt()), createdBy, job.status(), job.notificationCount(),
                NotifyTime.toWire(job.processingStarted()), NotifyTime.toWire(job.processingFinished()),
                NotifyTime.toWire(job.scheduledFor()), job.serviceId(), Map.of("name", listing.serviceName()),
                job.templateId(), job.templateVersion(), listing.templateName(), listing.templateType(),
                job.archived(), job.contactListId(), List.of());
    }

    public record Statistic(String status, long count) {

        static List<Statistic> of(List<JobRepository.StatusCount> counts) {
            return counts.stream().map(count -> new Statistic(count.status(), count.count())).toList();
        }
    }

    JobView withStatistics(List<Statistic> statistics) {
        return new JobView(id, originalFileName, createdAt, updatedAt, createdBy, jobStatus, notificationCount,
                processingStarted, processingFinished, scheduledFor, service, serviceName, template, templateVersion,
                templateName, templateType, archived, contactListId, statistics);
    }
}
