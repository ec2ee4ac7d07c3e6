package org.notifyhub.admin.senders;

import java.util.Map;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.services.SenderKind;
import org.notifyhub.services.SenderRow;
import org.springframework.stereotype.Component;

/** /service/{service_id}/sms-sender: a sender that is the service's inbound number can be neither changed nor archived. */
@Component
public class SmsSenderAdmin extends SenderAdmin {

    static final int MAX_LENGTH = 11;

    public SmsSenderAdmin(SenderDependencies with) {
        super(SenderKind.SMS_SENDER, with);
    }

    @Override
    protected String value(RequestBody request) {
        String sender = request.requiredString("sms_sender");
        if (sender != null && sender.isBlank()) {
            request.reject("sms_sender", "Cannot be empty");
        } else if (sender != null && sender.length() > MAX_LENGTH) {
            request.reject("sms_sender", "Text message sender ID cannot be longer than 11 characters");
        }
        return sender;
    }

    /** Notify returns a new SMS sender unwrapped. */
    @Override
    protected Object respond(Map<String, Object> created) {
        return created;
    }

    @Override
    protected void checkUpdate(SenderRow current, Request request) {
        if (current.inboundNumberId() != null && !current.value().equals(request.value())) {
            throw AdminApiException.badRequest("You can not change the inbound number for service " + current.serviceId());
        }
        if (current.isDefault() && !request.isDefault()) {
            throw AdminApiException.badRequest("You must have at least one SMS sender as the default");
        }
    }

    @Override
    protected void checkArchive(SenderRow current) {
        if (current.inboundNumberId() != null) {
            throw AdminApiException.badRequest("You cannot delete an inbound number");
        }
        if (current.isDefault()) {
            throw AdminApiException.badRequest("You cannot delete a default sms sender");
        }
    }
}
