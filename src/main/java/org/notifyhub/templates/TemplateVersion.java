package org.notifyhub.templates;

import java.time.LocalDateTime;
import java.util.UUID;

/** A template as the admin API shows it: one version, who saved it, and its letter contact block. */
public record TemplateVersion(
        UUID id,
        UUID serviceId,
        int version,
        TemplateDraft draft,
        boolean hidden,
        String letterContactBlock,
        String createdByName,
        String createdByEmail,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {
}
