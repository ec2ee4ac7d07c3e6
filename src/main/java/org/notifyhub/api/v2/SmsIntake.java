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
import org.notifyhub.recipients.PhoneNumber;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.services.Service;
import org.notifyhub.templates.RenderedSms;
import org.notifyhub.templates.SmsRenderer;
import org.notifyhub.templates.StoredTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** POST /v2/notifications/sms: checks the request, renders the text message and makes the row durable. */
@Component
public class SmsIntake {

    private final ObjectMapper mapper;
    private final RateLimiter rateLimiter;
    private final SendChecks checks;
    private final RecipientPolicy recipients;
    private final SenderRepository senders;
    private final NotificationContent content;
    private final SendResponses responses;
    private final Clock clock;
    private final SendAcceptance acceptance;
    private final String defaultSender;

    public SmsIntake(ObjectMapper mapper, RateLimiter rateLimiter, SendChecks checks, RecipientPolicy recipients,
                     SenderRepository senders, NotificationContent content, SendAcceptance acceptance,
                     SendResponses responses, Clock clock, @Value("${notify.sms.default-sender}") String defaultSender) {
        this.mapper = mapper;
        this.rateLimiter = rateLimiter;
        this.checks = checks;
        this.recipients = recipients;
        this.senders = senders;
        this.content = content;
        this.acceptance = acceptance;
        this.responses = responses;
        this.clock = clock;
        this.defaultSender = defaultSender;
    }

    public AcceptedNotification accept(@Body String body, @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                                       @Header(Exchange.HTTP_URL) String requestUrl) {
        JsonNode request = RequestJson.parse(mapper, body);
        rateLimiter.check(key);
        SendSchemas.SMS.validate(request);
        Service service = key.service();
        checks.permission(service, NotificationType.SMS);
        StoredTemplate template = checks.template(service, request, NotificationType.SMS);
        Map<String, Object> personalisation = checks.personalisation(request);
        checks.allPlaceholdersFilled(personalisation, template.content());
        RenderedSms sms = content.sms(template, personalisation, service);
        if (sms.isEmpty()) {
            throw V2ApiException.badRequest("Your message is empty.");
        }
        if (sms.isTooLong()) {
            throw V2ApiException.badRequest("Your message is too long. Text messages cannot be longer than "
                    + SmsRenderer.MAX_CHARACTERS + " characters. Your message is " + sms.contentLengthWithoutPrefix()
                    + " characters long.");
        }
        String phoneNumber = SendChecks.text(request, "phone_number");
        PhoneNumber phone = PhoneNumbers.parse(phoneNumber);
        if (phone.requiresInternationalPermission() && !service.hasPermission("international_sms")) {
            throw V2ApiException.badRequest("Cannot send to international mobile numbers");
        }
        boolean simulated = PhoneNumbers.isSimulated(phone.normalised());
        if (!simulated) {
            recipients.checkPhone(key, phone.normalised());
        }
        String sender = sender(service, SendChecks.text(request, "sms_sender_id"));

        UUID id = UUID.randomUUID();
        String clientReference = SendChecks.text(request, "reference");
        SendResponses.Sent response = responses.sent(id, clientReference, new SendResponses.SmsContent(sms.body(), sender),
                template, requestUrl);
        if (simulated) {
            return AcceptedNotification.responseOnly(response);
        }
        NotificationOrigin origin = NotificationOrigin.api(service.id(), template, key.keyId(),
                KeyType.fromWireName(key.keyType()), LocalDateTime.now(clock));
        NotificationRow row = NotificationRow.sms(id, origin, phoneNumber, phone, sms.fragmentCount(), sender,
                clientReference, content.encryptPersonalisation(personalisation));
        String channel = NotificationType.SMS.wireName();
        List<String> channels = phone.requiresInternationalPermission() ? List.of(channel, "international_sms")
                : List.of(channel);
        return acceptance.accept(row, service, channels, response);
    }

    private String sender(Service service, String senderId) {
        if (senderId == null) {
            return senders.defaultSmsSender(service.id()).orElse(defaultSender);
        }
        return senders.smsSender(service.id(), UUID.fromString(senderId)).orElseThrow(() -> V2ApiException.badRequest(
                "sms_sender_id " + senderId + " does not exist in database for service id " + service.id()));
    }
}
