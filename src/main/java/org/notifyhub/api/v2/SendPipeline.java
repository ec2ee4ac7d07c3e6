package org.notifyhub.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.documents.SendFiles;
import org.notifyhub.limits.RateLimiter;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationOrigin;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.services.Service;
import org.notifyhub.templates.PersonalisationSanitiser;
import org.notifyhub.templates.StoredTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * POST /v2/notifications/{email,sms}: Notify's checks in Notify's order (request, rate limit, schema, permission,
 * sanitising, template, personalisation, recipient, sender, files, rendering), then the response, the files sent by
 * email and the durable row. What
 * differs per channel is a {@link SendChannel}.
 */
@Component
public class SendPipeline {

    private final ObjectMapper mapper;
    private final RateLimiter rateLimiter;
    private final SendChecks checks;
    private final NotificationContent content;
    private final SendResponses responses;
    private final SendAcceptance acceptance;
    private final Clock clock;
    private final SendFiles sendFiles;
    private final String documentsLinkBase;

    public SendPipeline(ObjectMapper mapper, RateLimiter rateLimiter, SendChecks checks, NotificationContent content,
                        SendResponses responses, SendAcceptance acceptance, Clock clock, SendFiles sendFiles,
                        @Value("${notify.documents.link-base}") String documentsLinkBase) {
        this.mapper = mapper;
        this.rateLimiter = rateLimiter;
        this.checks = checks;
        this.content = content;
        this.responses = responses;
        this.acceptance = acceptance;
        this.clock = clock;
        this.sendFiles = sendFiles;
        this.documentsLinkBase = documentsLinkBase;
    }

    public <R> AcceptedNotification accept(SendChannel<R> channel, String body, AuthenticatedApiKey key,
                                           String requestUrl) {
        JsonNode request = RequestJson.parse(mapper, body);
        rateLimiter.check(key);
        channel.schema().validate(request);
        Service service = key.service();
        checks.permission(service, channel.type());
        PersonalisationSanitiser.Result prepared = channel.prepare(request, checks.personalisation(request));
        Map<String, Object> personalisation = prepared.personalisation();
        StoredTemplate template = checks.template(service, request, channel.type());
        checks.allPlaceholdersFilled(personalisation, channel.placeholderFields(template));
        checks.unusedPersonalisationWithinLimit(personalisation, List.of(), channel.placeholderFields(template));
        SendFiles.checkChannel(channel.type(), personalisation);
        SendChannel.Recipient recipient = channel.recipient(request, service);
        if (!recipient.simulated()) {
            channel.checkAllowed(key, recipient.normalised());
        }
        String sender = channel.sender(service, request);

        UUID id = UUID.randomUUID();
        KeyType keyType = KeyType.fromWireName(key.keyType());
        // As Notify: files are checked after the recipient, and the message's length with their links in it.
        SendFiles.Attached files = sendFiles.attach(personalisation, service.id(), id, recipient.normalised(),
                recipient.simulated() || keyType == KeyType.TEST, BaseUrl.of(documentsLinkBase, requestUrl));
        R rendered = channel.render(template, files.personalisation(), service);
        String clientReference = SendChecks.text(request, "reference");
        SendResponses.Sent response = responses.sent(id, clientReference,
                channel.responseContent(rendered, sender, service, request), template, requestUrl, prepared.changes());
        if (recipient.simulated()) {
            return AcceptedNotification.responseOnly(response);
        }
        NotificationOrigin origin = NotificationOrigin.api(service.id(), template, key.keyId(), keyType,
                LocalDateTime.now(clock));
        NotificationRow row = channel.row(request, id, origin, recipient, rendered, sender, clientReference,
                content.encryptPersonalisation(files.personalisation()), files.count());
        sendFiles.store(files);
        try {
            return acceptance.accept(row, service, recipient.internationalSms(), response);
        } catch (RuntimeException e) {
            sendFiles.discard(files);
            throw e;
        }
    }
}
