package org.notifyhub.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.api.v2.schemas.RequestSchema;
import org.notifyhub.api.v2.schemas.SendSchemas;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationOrigin;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumber;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.services.Senders;
import org.notifyhub.services.Service;
import org.notifyhub.templates.RenderedSms;
import org.notifyhub.templates.SmsRenderer;
import org.notifyhub.templates.StoredTemplate;
import org.springframework.stereotype.Component;

/** POST /v2/notifications/sms: the text message channel of the {@link SendPipeline}. */
@Component
public class SmsIntake implements SendChannel<RenderedSms> {

    private final SendPipeline pipeline;
    private final NotificationContent content;
    private final RecipientPolicy recipients;
    private final Senders senders;

    public SmsIntake(SendPipeline pipeline, NotificationContent content, RecipientPolicy recipients, Senders senders) {
        this.pipeline = pipeline;
        this.content = content;
        this.recipients = recipients;
        this.senders = senders;
    }

    public AcceptedNotification accept(@Body String body, @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                                       @Header(Exchange.HTTP_URL) String requestUrl) {
        return pipeline.accept(this, body, key, requestUrl);
    }

    @Override
    public NotificationType type() {
        return NotificationType.SMS;
    }

    @Override
    public RequestSchema schema() {
        return SendSchemas.SMS;
    }

    @Override
    public String[] placeholderFields(StoredTemplate template) {
        return new String[] {template.content()};
    }

    @Override
    public RenderedSms render(StoredTemplate template, Map<String, Object> personalisation, Service service) {
        RenderedSms sms = content.sms(template, personalisation, service);
        if (sms.isEmpty()) {
            throw V2ApiException.badRequest("Your message is empty.");
        }
        if (sms.isTooLong()) {
            throw V2ApiException.badRequest("Your message is too long. Text messages cannot be longer than "
                    + SmsRenderer.MAX_CHARACTERS + " characters. Your message is " + sms.contentLengthWithoutPrefix()
                    + " characters long.");
        }
        return sms;
    }

    @Override
    public Recipient recipient(JsonNode request, Service service) {
        String phoneNumber = SendChecks.text(request, "phone_number");
        PhoneNumber phone = PhoneNumbers.parse(phoneNumber);
        try {
            phone.checkPermitted(service.hasPermission("international_sms"),
                    service.hasPermission(Service.SMS_TO_UK_LANDLINES));
        } catch (InvalidRecipientException notPermitted) {
            // Notify words a refused international number as a request error, a refused landline as the phone's own
            if (phone.requiresInternationalPermission()) {
                throw V2ApiException.badRequest("Cannot send to international mobile numbers");
            }
            throw new V2ApiException(400, "InvalidPhoneError", notPermitted.getMessage());
        }
        return new Recipient(phoneNumber, phone.normalised(), PhoneNumbers.isSimulated(phone.normalised()), phone,
                phone.requiresInternationalPermission());
    }

    @Override
    public void checkAllowed(AuthenticatedApiKey key, String normalisedRecipient) {
        recipients.checkPhone(key, normalisedRecipient);
    }

    @Override
    public String sender(Service service, JsonNode request) {
        String senderId = SendChecks.text(request, "sms_sender_id");
        if (senderId == null) {
            return senders.defaultSmsSender(service.id());
        }
        return senders.smsSender(service.id(), UUID.fromString(senderId)).orElseThrow(() -> V2ApiException.badRequest(
                "sms_sender_id " + senderId + " does not exist in database for service id " + service.id()));
    }

    @Override
    public Object responseContent(RenderedSms sms, String sender, Service service, JsonNode request) {
        return new SendResponses.SmsContent(sms.body(), sender);
    }

    @Override
    public NotificationRow row(JsonNode request, UUID id, NotificationOrigin origin, Recipient recipient,
                               RenderedSms sms, String sender, String clientReference,
                               String encryptedPersonalisation, Integer documentDownloadCount) {
        return NotificationRow.sms(id, origin, recipient.to(), recipient.phone(), sms.fragmentCount(), sender,
                clientReference, encryptedPersonalisation);
    }
}
