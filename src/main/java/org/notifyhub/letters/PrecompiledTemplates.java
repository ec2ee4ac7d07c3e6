package org.notifyhub.letters;

import java.util.Optional;
import java.util.UUID;
import org.notifyhub.templates.TemplateRepository;
import org.notifyhub.templates.TemplateType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The hidden per-service letter template that precompiled PDFs are recorded against, as in Notify. */
@Component
public class PrecompiledTemplates {

    static final String NAME = "Pre-compiled PDF";
    private static final UUID SYSTEM_USER = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");

    private final TemplateRepository templates;

    public PrecompiledTemplates(TemplateRepository templates) {
        this.templates = templates;
    }

    @Transactional
    public UUID findOrCreate(UUID serviceId) {
        Optional<UUID> existing = templates.findHidden(serviceId, TemplateType.LETTER, NAME);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        templates.insert(id, serviceId, NAME, TemplateType.LETTER.wireName(), NAME, "", SYSTEM_USER);
        templates.hide(id);
        return id;
    }
}
