package org.notifyhub.admin.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.common.StrictUtf8;
import org.notifyhub.jobs.CsvFileError;
import org.notifyhub.jobs.CsvRowError;
import org.notifyhub.jobs.JobCsvStore;
import org.notifyhub.jobs.RecipientCsv;
import org.notifyhub.jobs.RecipientCsvChecker;
import org.notifyhub.jobs.RecipientCsvResult;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.services.TeamRecipients;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.notifyhub.templates.TemplateType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * POST /service/{service_id}/job/upload?template_id=…[&original_file_name=…][&sender_id=…]: a recipient CSV is
 * checked with Notify's rules; a bad one gets its file and row errors, a good one is stored in the CSV bucket at
 * service-{service_id}-notify/{job_id}.csv with the metadata job creation reads (§4.5).
 */
@Component
public class JobCsvUploadAdmin {

    public record Uploaded(@JsonProperty("job_id") UUID jobId, @JsonProperty("template_id") UUID templateId,
                           @JsonProperty("original_file_name") String originalFileName,
                           @JsonProperty("notification_count") int notificationCount, boolean valid) {
    }

    private final KnownServices knownServices;
    private final ServiceRepository services;
    private final TemplateRepository templates;
    private final SenderRepository senders;
    private final TeamRecipients team;
    private final ObjectStorage store;
    private final RecipientCsvChecker checker = new RecipientCsvChecker();
    private final String csvBucket;

    public JobCsvUploadAdmin(KnownServices knownServices, ServiceRepository services, TemplateRepository templates,
                             SenderRepository senders, TeamRecipients team, ObjectStorage store,
                             @Value("${notify.buckets.csv-upload}") String csvBucket) {
        this.knownServices = knownServices;
        this.services = services;
        this.templates = templates;
        this.senders = senders;
        this.team = team;
        this.store = store;
        this.csvBucket = csvBucket;
    }

    public Data<Uploaded> upload(@Header("service_id") String serviceIdText, @Header(Exchange.HTTP_QUERY) String query,
                                 @Header(StrictUtf8.BODY_IS_UTF8_HEADER) String bodyIsUtf8, @Body byte[] csv) {
        UUID serviceId = knownServices.require(serviceIdText);
        Service service = services.find(serviceId).orElseThrow(AdminApiException::notFound);
        QueryParameters parameters = QueryParameters.parse(query);
        String templateIdText = parameters.first("template_id");
        if (templateIdText == null) {
            throw AdminApiException.invalid("template_id", "Missing data for required field.");
        }
        StoredTemplate template = templates.findLatest(serviceId, PathIds.parse(templateIdText))
                .filter(t -> !t.archived())
                .orElseThrow(AdminApiException::notFound);
        TemplateType type = TemplateType.fromWireName(template.templateType());
        String senderId = parameters.first("sender_id");
        if (senderId != null && !senderBelongs(serviceId, type, PathIds.parse(senderId))) {
            throw AdminApiException.invalid("sender_id", "sender_id " + senderId + " does not exist for this service");
        }
        String fileName = parameters.first("original_file_name") == null ? "upload.csv" : parameters.first("original_file_name");

        // the bytes reach here through a lenient decoder, which would turn bad ones into U+FFFD and let them pass
        RecipientCsvResult result = "false".equals(bodyIsUtf8) ? RecipientCsvChecker.unreadable()
                : check(service, template, type, csv == null ? new byte[0] : csv);
        if (!result.valid()) {
            throw new AdminApiException(400, errors(result));
        }
        UUID jobId = UUID.randomUUID();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("template_id", template.id().toString());
        metadata.put("original_file_name", fileName);
        metadata.put("notification_count", Integer.toString(result.rowCount()));
        metadata.put("valid", "True");
        if (senderId != null) {
            metadata.put("sender_id", senderId);
        }
        store.put(csvBucket, JobCsvStore.key(serviceId, jobId), csv, "text/csv", metadata);
        return new Data<>(new Uploaded(jobId, template.id(), fileName, result.rowCount(), true));
    }

    private RecipientCsvResult check(Service service, StoredTemplate template, TemplateType type, byte[] csv) {
        RecipientCsv spec = switch (type) {
            case SMS -> RecipientCsv.sms(template.content(), service.hasPermission("international_sms"),
                    service.hasPermission(Service.SMS_TO_UK_LANDLINES));
            case EMAIL -> RecipientCsv.email(template.subject(), template.content());
            case LETTER -> RecipientCsv.letter(template.subject(), template.content(),
                    service.hasPermission("international_letters"));
        };
        if (service.restricted() && type != TemplateType.LETTER) {
            spec = spec.restrictedTo(team.normalised(service.id(), type));
        }
        try (ByteArrayInputStream in = new ByteArrayInputStream(csv)) {
            return checker.check(spec, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean senderBelongs(UUID serviceId, TemplateType type, UUID senderId) {
        return switch (type) {
            case SMS -> senders.smsSender(serviceId, senderId).isPresent();
            case EMAIL -> senders.replyTo(serviceId, senderId).isPresent();
            case LETTER -> false;
        };
    }

    private static Map<String, Object> errors(RecipientCsvResult result) {
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("file_errors", result.fileErrors().stream().map(CsvFileError::message).toList());
        List<Map<String, Object>> rows = result.rowErrors().values().stream().map(JobCsvUploadAdmin::row).toList();
        errors.put("row_errors", rows);
        errors.put("row_error_count", result.rowErrorCount());
        errors.put("row_count", result.rowCount());
        return errors;
    }

    private static Map<String, Object> row(CsvRowError error) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row", error.row());
        row.put("cells", error.cells());
        row.put("messages", error.messages());
        return row;
    }
}
