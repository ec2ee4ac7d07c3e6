package org.notifyhub.templates;

import java.time.LocalDateTime;
import java.util.UUID;

/** One version of a template as stored in templates_history. */
public record StoredTemplate(
        UUID id,
        UUID serviceId,
        String name,
        String templateType,
        String subject,
        String content,
        int version,
        boolean archived,
        boolean hidden,
        String postage,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        String createdByEmail) {
}
