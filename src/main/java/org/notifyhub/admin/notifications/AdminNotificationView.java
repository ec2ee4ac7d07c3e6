package org.notifyhub.admin.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.ServiceNotification;
import org.notifyhub.templates.TemplateType;

/** A notification in Notify's admin JSON (notification_with_template_schema). */
public record AdminNotificationView(
        UUID id,
        String to,
        @JsonProperty("normalised_to") String normalisedTo,
        Job job,
        @JsonProperty("job_row_number") Integer jobRowNumber,
        UUID service,
        Template template,
        @JsonProperty("api_key") UUID apiKey,
        @JsonProperty("key_type") String keyType,
        @JsonProperty("key_name") String keyName,
        @JsonProperty("billable_units") int billableUnits,
        @JsonProperty("notification_type") String notificationType,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("sent_at") String sentAt,
        @JsonProperty("sent_by") String sentBy,
        @JsonProperty("updated_at") String updatedAt,
        String status,
        String reference,
        @JsonProperty("client_reference") String clientReference,
        Map<String, Object> personalisation,
        boolean international,
        @JsonProperty("phone_prefix") String phonePrefix,
        @JsonProperty("rate_multiplier") BigDecimal rateMultiplier,
        @JsonProperty("created_by") CreatedBy createdBy,
        @JsonProperty("reply_to_text") String replyToText,
        @JsonProperty("document_download_count") Integer documentDownloadCount,
        String postage) {

    public record Job(UUID id, @JsonProperty("original_file_name") String originalFileName) {
    }

    public record Template(UUID id, UUID service, int version, String name,
                           @JsonProperty("template_type") String templateType, String content, String subject,
                           @JsonProperty("redact_personalisation") boolean redactPersonalisation,
                           @JsonProperty("is_precompiled_letter") boolean isPrecompiledLetter) {
    }

    public record CreatedBy(UUID id, String name, @JsonProperty("email_address") String emailAddress) {
    }

    public static AdminNotificationView of(ServiceNotification n, Map<String, Object> personalisation) {
        NotificationRow r = n.row();
        return new AdminNotificationView(r.id(), r.to(), r.normalisedTo(),
                r.jobId() == null ? null : new Job(r.jobId(), n.jobFileName()), r.jobRowNumber(), r.serviceId(),
                new Template(r.templateId(), r.serviceId(), r.templateVersion(), n.templateName(), n.templateType(),
                        n.templateContent(), n.templateSubject(), false,
                        n.templateHidden() && TemplateType.LETTER.wireName().equals(n.templateType())),
                r.apiKeyId(), r.keyType().wireName(), n.keyName(), r.billableUnits(), r.notificationType().wireName(),
                NotifyTime.toWire(r.createdAt()), NotifyTime.toWire(r.sentAt()), r.sentBy(),
                NotifyTime.toWire(r.updatedAt()), r.status().wireName(), r.reference(), r.clientReference(),
                personalisation, n.international(), n.phonePrefix(), n.rateMultiplier(),
                r.createdById() == null ? null : new CreatedBy(r.createdById(), n.createdByName(), n.createdByEmail()),
                r.replyToText(), n.documentDownloadCount(), r.postage());
    }
}
