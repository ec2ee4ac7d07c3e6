package org.notifyhub.templates;

import java.util.UUID;

/** The fields of a template that one saved version fixes. */
public record TemplateDraft(
        String name,
        String templateType,
        String content,
        String subject,
        String postage,
        boolean archived,
        String processType,
        UUID letterContactId,
        UUID createdById) {

    public TemplateDraft asArchived() {
        return new TemplateDraft(name, templateType, content, subject, postage, true, processType, letterContactId,
                createdById);
    }
}
