package org.notifyhub.admin.templates;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.templates.TemplateDraft;
import org.notifyhub.templates.TemplateType;
import org.notifyhub.templates.TemplateVersion;

/**
 * A template in Notify's admin JSON. createdBy is the creator's id in template_schema and {id, name, email_address}
 * in template_history_schema (the version views).
 */
public record TemplateView(
        UUID id,
        String name,
        @JsonProperty("template_type") String templateType,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        String content,
        boolean archived,
        boolean hidden,
        String subject,
        String postage,
        UUID service,
        @JsonProperty("created_by") Object createdBy,
        int version,
        @JsonProperty("process_type") String processType,
        @JsonProperty("redact_personalisation") boolean redactPersonalisation,
        @JsonProperty("reply_to") UUID replyTo,
        @JsonProperty("reply_to_text") String replyToText,
        UUID folder,
        @JsonProperty("is_precompiled_letter") boolean isPrecompiledLetter) {

    public record CreatedBy(UUID id, String name, @JsonProperty("email_address") String emailAddress) {
    }

    static TemplateView current(TemplateVersion template, String replyToText) {
        return of(template, template.draft().createdById(), replyToText);
    }

    static TemplateView history(TemplateVersion template, String replyToText) {
        return of(template, new CreatedBy(template.draft().createdById(), template.createdByName(),
                template.createdByEmail()), replyToText);
    }

    private static TemplateView of(TemplateVersion t, Object createdBy, String replyToText) {
        TemplateDraft d = t.draft();
        return new TemplateView(t.id(), d.name(), d.templateType(), NotifyTime.toWire(t.createdAt()),
                NotifyTime.toWire(t.updatedAt()), d.content(), d.archived(), t.hidden(), d.subject(), d.postage(),
                t.serviceId(), createdBy, t.version(), d.processType(), false, d.letterContactId(), replyToText, null,
                t.hidden() && TemplateType.LETTER.is(d.templateType()));
    }
}
