package org.notifyhub.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.api.v2.schemas.SendSchemas;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.limits.RateLimiter;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationOrigin;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.services.Service;
import org.notifyhub.templates.EmailRenderer;
import org.notifyhub.templates.RenderedEmail;
import org.notifyhub.templates.StoredTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** POST /v2/notifications/email: checks the request, renders the email and makes the row durable. */
@Component
public class EmailIntake {

    private final ObjectMapper mapper;
    private final RateLimiter rateLimiter;
    private final SendChecks checks;
    private final RecipientPolicy recipients;
    private final SenderRepository senders;
    private final NotificationContent content;
    private final SendResponses responses;
    private final Clock clock;
    private final SendAcceptance acceptance;
    private final String emailDomain;

    public EmailIntake(ObjectMapper mapper, RateLimiter rateLimiter, SendChecks checks, RecipientPolicy recipients,
                       SenderRepository senders, NotificationContent content, SendAcceptance acceptance,
                       SendResponses responses, Clock clock, @Value("${notify.email-domain}") String emailDomain) {
        this.mapper = mapper;
        this.rateLimiter = rateLimiter;
        this.checks = checks;
        this.recipients = recipients;
        this.senders = senders;
        this.content = content;
        this.acceptance = acceptance;
        this.responses = responses;
        this.clock = clock;
        this.emailDomain = emailDomain;
    }

    public AcceptedNotification accept(@Body String body, @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                                       @Header(Exchange.HTTP_URL) String requestUrl) {
        JsonNode request = RequestJson.parse(mapper, body);
        rateLimiter.check(key);
        SendSchemas.EMAIL.validate(request);
        Service service = key.service();
        checks.permission(service, NotificationType.EMAIL);
        StoredTemplate template = checks.template(service, request, NotificationType.EMAIL);
        Map<String, Object> personalisation = checks.personalisation(request);
        checks.allPlaceholdersFilled(personalisation, template.subject(), template.content());
        RenderedEmail email = content.email(template, personalisation);
        if (email.isTooLong()) {
            throw V2ApiException.badRequest("Your message is too long. Emails cannot be longer than "
                    + EmailRenderer.MAX_BODY_BYTES + " bytes. Your message is " + email.bodyByteLength() + " bytes.");
        }
        String emailAddress = EmailAddresses.validate(SendChecks.text(request, "email_address"));
        String normalised = EmailAddresses.normalise(emailAddress);
        boolean simulated = EmailAddresses.isSimulated(emailAddress);
        if (!simulated) {
            recipients.checkEmail(key, normalised);
        }
        String replyTo = replyTo(service, SendChecks.text(request, "email_reply_to_id"));

        UUID id = UUID.randomUUID();
        String clientReference = SendChecks.text(request, "reference");
        String unsubscribeUrl = SendChecks.text(request, "one_click_unsubscribe_url");
        SendResponses.Sent response = responses.sent(id, clientReference,
                new SendResponses.EmailContent(service.emailFrom() + "@" + emailDomain, email.body(), email.subject(),
                        unsubscribeUrl),
                template, requestUrl);
        if (simulated) {
            return AcceptedNotification.responseOnly(response);
        }
        NotificationOrigin origin = NotificationOrigin.api(service.id(), template, key.keyId(),
                KeyType.fromWireName(key.keyType()), LocalDateTime.now(clock));
        NotificationRow row = NotificationRow.email(id, origin, emailAddress, replyTo, clientReference,
                content.encryptPersonalisation(personalisation));
        return acceptance.accept(row, service, List.of(NotificationType.EMAIL.wireName()), response);
    }

    private String replyTo(Service service, String replyToId) {
        if (replyToId == null) {
            return senders.defaultReplyTo(service.id()).orElse(null);
        }
        return senders.replyTo(service.id(), UUID.fromString(replyToId)).orElseThrow(() -> V2ApiException.badRequest(
                "email_reply_to_id " + replyToId + " does not exist in database for service id " + service.id()));
    }
}
