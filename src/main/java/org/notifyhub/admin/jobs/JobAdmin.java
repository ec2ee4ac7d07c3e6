package org.notifyhub.admin.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.notifications.AdminNotificationView;
import org.notifyhub.admin.notifications.NotificationListParameters;
import org.notifyhub.jobs.Job;
import org.notifyhub.jobs.JobCsvStore;
import org.notifyhub.jobs.JobListingRepository;
import org.notifyhub.jobs.JobRepository;
import org.notifyhub.jobs.JobTasks;
import org.notifyhub.notifications.NotificationAdminRepository;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.ServiceNotificationQuery;
import org.notifyhub.queues.JobTask;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.services.TeamRepository;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.notifyhub.templates.TemplateType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.notifyhub.common.Uuids;

/**
 * Jobs in the admin API (§1.10, §4.5): POST /service/{id}/job creates a job from an uploaded CSV's S3 metadata,
 * GET /service/{id}/job[/{job_id}] shows jobs with statistics counted from their notifications, and
 * POST /service/{id}/job/{job_id}/cancel cancels a job that is still scheduled.
 */
@Component
public class JobAdmin {

    static final String SERVICE_INACTIVE = "Create job is not allowed: service is inactive ";
    static final String LETTER_JOB_IN_TRIAL = "Create letter job is not allowed for service in trial mode ";
    static final String FILE_NOT_VALID = "File is not valid, can't create job";
    private static final String MISSING = "Missing data for required field.";
    private static final int PAGE_SIZE = 50;

    /** A page of jobs, as Notify's GET /service/{id}/job answers. */
    public record JobPage(List<JobView> data, @com.fasterxml.jackson.annotation.JsonProperty("page_size") int pageSize,
                          long total, Map<String, String> links) {
    }

    /** A page of one job's notifications. */
    public record JobNotificationPage(List<AdminNotificationView> notifications,
                                      @com.fasterxml.jackson.annotation.JsonProperty("page_size") int pageSize,
                                      long total, Map<String, String> links) {
    }

    private final KnownServices knownServices;
    private final NotificationAdminRepository notificationList;
    private final NotificationContent content;
    private final ServiceRepository services;
    private final TemplateRepository templates;
    private final JobCsvStore files;
    private final JobRepository jobs;
    private final JobListingRepository listings;
    private final JobTasks tasks;
    private final ObjectMapper mapper;
    private final TeamRepository team;
    private final Clock clock;

    public JobAdmin(KnownServices knownServices, ServiceRepository services, TemplateRepository templates,
                    JobCsvStore files, JobRepository jobs, JobListingRepository listings, JobTasks tasks,
                    ObjectMapper mapper, TeamRepository team, Clock clock, NotificationAdminRepository notificationList,
                    NotificationContent content) {
        this.notificationList = notificationList;
        this.content = content;
        this.knownServices = knownServices;
        this.services = services;
        this.templates = templates;
        this.files = files;
        this.jobs = jobs;
        this.listings = listings;
        this.tasks = tasks;
        this.mapper = mapper;
        this.team = team;
        this.clock = clock;
    }

    /** In Notify's order of checks, so each bad request gets the answer Notify would give. */
    public Data<JobView> create(@Header("service_id") String serviceIdText, @Body String body) {
        UUID serviceId = knownServices.require(serviceIdText);
        Service service = services.find(serviceId).orElseThrow(AdminApiException::notFound);
        if (!service.active()) {
            throw new AdminApiException(403, SERVICE_INACTIVE);
        }
        JsonNode request = json(body);
        UUID jobId = uuid(request, "id");
        Map<String, String> metadata = jobId == null ? null : files.metadata(serviceId, jobId).orElse(null);
        if (metadata == null || metadata.get("template_id") == null) {
            throw AdminApiException.invalid("id", MISSING);
        }
        StoredTemplate template = templates.findLatest(serviceId, PathIds.parse(metadata.get("template_id")))
                .orElseThrow(AdminApiException::notFound);
        if (TemplateType.LETTER.is(template.templateType()) && service.restricted()) {
            throw new AdminApiException(403, LETTER_JOB_IN_TRIAL);
        }
        if (!"True".equals(metadata.get("valid"))) {
            throw AdminApiException.badRequest(FILE_NOT_VALID);
        }
        if (template.archived()) {
            throw AdminApiException.invalid("template", "Template has been deleted");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        UUID createdBy = createdBy(request, errors);
        LocalDateTime scheduledFor = scheduledFor(request, errors);
        if (!errors.isEmpty()) {
            throw AdminApiException.invalid(errors);
        }
        Job job = new Job(jobId, metadata.getOrDefault("original_file_name", "upload.csv"), serviceId, template.id(),
                template.version(), LocalDateTime.now(clock), null, count(metadata), null, null, createdBy,
                scheduledFor, scheduledFor == null ? Job.PENDING : Job.SCHEDULED, false,
                optionalUuid(metadata.get("sender_id")), optionalUuid(metadata.get("contact_list_id")));
        try {
            jobs.insert(job);
        } catch (DuplicateKeyException e) {
            throw AdminApiException.invalid("id", "Job " + jobId + " already exists");
        }
        // the answer shows the job as created, before a worker can start it
        JobView view = listings.find(serviceId, jobId).map(JobView::of).orElseThrow();
        if (scheduledFor == null) {
            tasks.send(List.of(JobTask.processJob(jobId)));
        }
        return new Data<>(view);
    }

    public Data<JobView> get(@Header("service_id") String serviceIdText, @Header("job_id") String jobIdText) {
        UUID serviceId = knownServices.require(serviceIdText);
        UUID jobId = PathIds.parse(jobIdText);
        JobView view = listings.find(serviceId, jobId).map(JobView::of).orElseThrow(AdminApiException::notFound);
        return new Data<>(view.withStatistics(JobView.Statistic.of(jobs.statistics(jobId))));
    }

    public JobPage list(@Header("service_id") String serviceIdText, @Header(Exchange.HTTP_QUERY) String query) {
        UUID serviceId = knownServices.require(serviceIdText);
        String pageText = QueryParameters.parse(query).first("page");
        int page;
        try {
            page = pageText == null ? 1 : Integer.parseInt(pageText);
        } catch (NumberFormatException e) {
            throw AdminApiException.invalid("page", "Not a valid integer.");
        }
        if (page < 1) {
            throw AdminApiException.invalid("page", "Must be greater than or equal to 1.");
        }
        List<JobView> data = listings.list(serviceId, PAGE_SIZE, (page - 1) * PAGE_SIZE).stream()
                .map(JobView::of)
                .map(view -> view.withStatistics(JobView.Statistic.of(jobs.statistics(view.id()))))
                .toList();
        long total = listings.count(serviceId);
        Map<String, String> links = new LinkedHashMap<>();
        if (page > 1) {
            links.put("prev", "/service/" + serviceId + "/job?page=" + (page - 1));
        }
        if ((long) page * PAGE_SIZE < total) {
            links.put("next", "/service/" + serviceId + "/job?page=" + (page + 1));
        }
        return new JobPage(data, PAGE_SIZE, total, links);
    }

    /** A job's notifications, as Notify's GET /service/{id}/job/{job_id}/notifications: row order, a page at a time. */
    public JobNotificationPage notifications(@Header("service_id") String serviceIdText, @Header("job_id") String jobIdText,
                                             @Header(Exchange.HTTP_QUERY) String rawQuery) {
        UUID serviceId = knownServices.require(serviceIdText);
        UUID jobId = PathIds.parse(jobIdText);
        jobs.find(serviceId, jobId).orElseThrow(AdminApiException::notFound);
        NotificationListParameters p = NotificationListParameters.read(QueryParameters.parse(rawQuery));
        ServiceNotificationQuery q = new ServiceNotificationQuery(serviceId, p.statuses(), p.templateTypes(), null, null,
                true, true, true, null, jobId, (p.page() - 1) * p.pageSize(), p.pageSize());
        List<AdminNotificationView> page = notificationList.find(q).stream()
                .map(n -> AdminNotificationView.of(n, content.decryptPersonalisation(n.row().encryptedPersonalisation())))
                .toList();
        long total = notificationList.countForJob(serviceId, jobId, p.statuses());
        Map<String, String> links = new LinkedHashMap<>();
        String path = "/service/" + serviceId + "/job/" + jobId + "/notifications?page=";
        if (p.page() > 1) {
            links.put("prev", path + (p.page() - 1));
        }
        if ((long) p.page() * p.pageSize() < total) {
            links.put("next", path + (p.page() + 1));
        }
        return new JobNotificationPage(page, p.pageSize(), total, links);
    }

    /** Only a job still scheduled can be cancelled; any other gets 404, as Notify finds no scheduled job. */
    public Data<JobView> cancel(@Header("service_id") String serviceIdText, @Header("job_id") String jobIdText) {
        UUID serviceId = knownServices.require(serviceIdText);
        UUID jobId = PathIds.parse(jobIdText);
        jobs.cancelScheduled(serviceId, jobId, LocalDateTime.now(clock)).orElseThrow(AdminApiException::notFound);
        return get(serviceIdText, jobIdText);
    }

    private JsonNode json(String body) {
        return RequestBody.object(mapper, body);
    }

    private static UUID uuid(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        return Uuids.parse(value.asText()).orElse(null);
    }

    private UUID createdBy(JsonNode request, Map<String, List<String>> errors) {
        if (!request.hasNonNull("created_by")) {
            errors.put("created_by", List.of(MISSING));
            return null;
        }
        UUID user = uuid(request, "created_by");
        if (!team.userExists(user)) {
            errors.put("created_by", List.of("Related Object doesn't exist in DB"));
            return null;
        }
        return user;
    }

    /** Any ISO date-time; one without an offset is UTC. Not in the past, not over 7 days ahead (Notify's rules). */
    private LocalDateTime scheduledFor(JsonNode request, Map<String, List<String>> errors) {
        if (!request.hasNonNull("scheduled_for")) {
            return null;
        }
        String text = request.get("scheduled_for").asText();
        LocalDateTime when;
        try {
            when = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException withoutOffset) {
            try {
                when = LocalDateTime.parse(text.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                errors.put("scheduled_for", List.of("Not a valid datetime."));
                return null;
            }
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (when.isBefore(now)) {
            errors.put("scheduled_for", List.of("Date cannot be in the past"));
        } else if (when.isAfter(now.plusDays(7))) {
            errors.put("scheduled_for", List.of("Date cannot be more than 7 days in the future"));
        }
        return when;
    }

    private static int count(Map<String, String> metadata) {
        try {
            return Integer.parseInt(metadata.getOrDefault("notification_count", ""));
        } catch (NumberFormatException e) {
            throw AdminApiException.badRequest(FILE_NOT_VALID);
        }
    }

    private static UUID optionalUuid(String text) {
        return text == null || text.isBlank() ? null : UUID.fromString(text);
    }
}
