package org.notifyhub.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.services.Senders;
import org.notifyhub.services.Service;
import org.notifyhub.templates.EmailRenderer;
import org.notifyhub.templates.EmailText;
import org.notifyhub.templates.PersonalisationSanitiser;
import org.notifyhub.templates.StoredTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** POST /v2/notifications/email: the email channel of the {@link SendPipeline}. */
@Component
public class EmailIntake implements SendChannel<EmailText> {

    private static final String UNSUBSCRIBE_URL = "one_click_unsubscribe_url";

    private final SendPipeline pipeline;
    private final NotificationContent content;
    private final RecipientPolicy recipients;
    private final Senders senders;
    private final String emailDomain;

    public EmailIntake(SendPipeline pipeline, NotificationContent content, RecipientPolicy recipients, Senders senders,
                       @Value("${notify.email-domain}") String emailDomain) {
        this.pipeline = pipeline;
        this.content = content;
        this.recipients = recipients;
        this.senders = senders;
        this.emailDomain = emailDomain;
    }

    public AcceptedNotification accept(@Body String body, @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                                       @Header(Exchange.HTTP_URL) String requestUrl) {
        return pipeline.accept(this, body, key, requestUrl);
    }

    @Override
    public NotificationType type() {
        return NotificationType.EMAIL;
    }

    @Override
    public RequestSchema schema() {
        return SendSchemas.EMAIL;
    }

    @Override
    public PersonalisationSanitiser.Result prepare(JsonNode request, Map<String, Object> personalisation) {
        List<String> names = new ArrayList<>();
        JsonNode listed = request.get("sanitise_content_for");
        if (listed != null) {
            listed.forEach(name -> names.add(name.isNull() ? null : name.asText()));
        }
        return PersonalisationSanitiser.sanitise(personalisation, names);
    }

    @Override
    public String[] placeholderFields(StoredTemplate template) {
        return new String[] {template.subject(), template.content()};
    }

    @Override
    public EmailText render(StoredTemplate template, Map<String, Object> personalisation, Service service) {
        EmailText email = content.emailText(template, personalisation);
        if (email.isTooLong()) {
            throw V2ApiException.badRequest("Your message is too long. Emails cannot be longer than "
                    + EmailRenderer.MAX_BODY_BYTES + " bytes. Your message is " + email.bodyByteLength() + " bytes.");
        }
        return email;
    }

    @Override
    public Recipient recipient(JsonNode request, Service service) {
        String emailAddress = EmailAddresses.validate(SendChecks.text(request, "email_address"));
        return new Recipient(emailAddress, EmailAddresses.normalise(emailAddress),
                EmailAddresses.isSimulated(emailAddress), null, false);
    }

    @Override
    public void checkAllowed(AuthenticatedApiKey key, String normalisedRecipient) {
        recipients.checkEmail(key, normalisedRecipient);
    }

    @Override
    public String sender(Service service, JsonNode request) {
        String replyToId = SendChecks.text(request, "email_reply_to_id");
        if (replyToId == null) {
            return senders.defaultReplyTo(service.id());
        }
        return senders.replyTo(service.id(), UUID.fromString(replyToId)).orElseThrow(() -> V2ApiException.badRequest(
                "email_reply_to_id " + replyToId + " does not exist in database for service id " + service.id()));
    }

    @Override
    public Object responseContent(EmailText email, String replyTo, Service service, JsonNode request) {
        return new SendResponses.EmailContent(service.emailFrom() + "@" + emailDomain, email.body(), email.subject(),
                SendChecks.text(request, UNSUBSCRIBE_URL));
    }

    @Override
    public NotificationRow row(JsonNode request, UUID id, NotificationOrigin origin, Recipient recipient,
                               EmailText email, String replyTo, String clientReference,
                               String encryptedPersonalisation, Integer documentDownloadCount) {
        return NotificationRow.email(id, origin, recipient.to(), replyTo, clientReference, encryptedPersonalisation,
                SendChecks.text(request, UNSUBSCRIBE_URL), documentDownloadCount);
    }
}
