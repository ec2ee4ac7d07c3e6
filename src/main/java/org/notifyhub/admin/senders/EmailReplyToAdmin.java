package org.notifyhub.admin.senders;

import java.util.List;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.services.SenderKind;
import org.notifyhub.services.SenderRow;
import org.springframework.stereotype.Component;

/** /service/{service_id}/email-reply-to. */
@Component
public class EmailReplyToAdmin extends SenderAdmin {

    static final String ONE_DEFAULT = "You must have at least one reply to email address as the default.";

    public EmailReplyToAdmin(SenderDependencies with) {
        super(SenderKind.EMAIL_REPLY_TO, with);
    }

    @Override
    protected String value(RequestBody request) {
        String address = request.requiredString("email_address");
        if (address != null) {
            try {
                EmailAddresses.validate(address);
            } catch (InvalidRecipientException e) {
                request.reject("email_address", "email_address " + e.getMessage());
            }
        }
        return address;
    }

    @Override
    protected void checkNotDuplicate(List<SenderRow> existing, String value) {
        if (existing.stream().anyMatch(row -> row.value().equals(value))) {
            throw new AdminApiException(409, "‘" + value + "’ is already a reply-to email address for this service.");
        }
    }

    @Override
    protected void checkUpdate(SenderRow current, Request request) {
        if (current.isDefault() && !request.isDefault()) {
            throw AdminApiException.badRequest(ONE_DEFAULT);
        }
    }

    @Override
    protected void checkArchive(SenderRow current) {
        if (current.isDefault()) {
            throw AdminApiException.badRequest("You cannot delete a default email reply to address");
        }
    }
}
