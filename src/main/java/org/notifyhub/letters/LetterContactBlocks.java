package org.notifyhub.letters;

import java.util.UUID;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.stereotype.Component;

/** The contact block a letter prints: its template's letter contact, else the service's default one, else none. */
@Component
public class LetterContactBlocks {

    private final TemplateRepository templates;
    private final SenderRepository senders;

    public LetterContactBlocks(TemplateRepository templates, SenderRepository senders) {
        this.templates = templates;
        this.senders = senders;
    }

    /** Null when neither the template nor the service has one. */
    public String forTemplate(UUID serviceId, UUID templateId) {
        return templates.findLetterContactBlock(templateId)
                .or(() -> senders.defaultLetterContact(serviceId))
                .orElse(null);
    }
}
