package org.notifyhub.admin.senders;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.services.SenderKind;
import org.notifyhub.services.SenderRow;
import org.notifyhub.templates.TemplateHistoryRepository;
import org.springframework.stereotype.Component;

/**
 * /service/{service_id}/letter-contact. As in Notify a service may have no default contact block (letters then
 * go without one), and archiving a block takes it off the templates that used it.
 */
@Component
public class LetterContactAdmin extends SenderAdmin {

    private final TemplateHistoryRepository templates;

    public LetterContactAdmin(SenderDependencies with, TemplateHistoryRepository templates) {
        super(SenderKind.LETTER_CONTACT, with);
        this.templates = templates;
    }

    @Override
    protected String value(RequestBody request) {
        return request.requiredString("contact_block");
    }

    /** Only a service's very first block becomes the default unasked. */
    @Override
    protected boolean isFirst(List<SenderRow> existing) {
        return existing.isEmpty();
    }

    @Override
    protected void checkUpdate(SenderRow current, Request request) {
        // Unsetting the default is allowed: a letter may go without a contact block.
    }

    @Override
    protected void checkArchive(SenderRow current) {
        // Any block may be archived, the default included.
    }

    @Override
    protected void afterArchive(UUID senderId, LocalDateTime now) {
        templates.detachLetterContact(senderId);
    }
}
