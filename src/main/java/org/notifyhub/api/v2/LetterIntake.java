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
import org.notifyhub.documents.SendFiles;
import org.notifyhub.letters.LetterContactBlocks;
import org.notifyhub.limits.RateLimiter;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationOrigin;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.notifications.NotificationWriter;
import org.notifyhub.queues.LetterPdfTask;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PostalAddress;
import org.notifyhub.recipients.PostalAddresses;
import org.notifyhub.services.Service;
import org.notifyhub.templates.RenderedLetter;
import org.notifyhub.templates.StoredTemplate;
import org.springframework.stereotype.Component;

/**
 * POST /v2/notifications/letter (templated): checks the address and content, makes the row durable with the contact
 * block it will print, and names the get-pdf-for-templated-letter task for the route to queue.
 */
@Component
public class LetterIntake {

    private final ObjectMapper mapper;
    private final RateLimiter rateLimiter;
    private final SendChecks checks;
    private final NotificationContent content;
    private final NotificationWriter writer;
    private final SendResponses responses;
    private final Clock clock;
    private final PrecompiledLetterIntake precompiled;
    private final LetterContactBlocks contactBlocks;
    private final String pdfQueue;

    public LetterIntake(ObjectMapper mapper, RateLimiter rateLimiter, SendChecks checks, NotificationContent content,
                        NotificationWriter writer, SendResponses responses, Clock clock,
                        PrecompiledLetterIntake precompiled, LetterContactBlocks contactBlocks, QueueNames queues) {
        this.mapper = mapper;
        this.rateLimiter = rateLimiter;
        this.checks = checks;
        this.content = content;
        this.writer = writer;
        this.responses = responses;
        this.clock = clock;
        this.precompiled = precompiled;
        this.contactBlocks = contactBlocks;
        this.pdfQueue = queues.createLettersPdfTasks();
    }

    private static final List<String> ADDRESS_KEYS = List.of("address_line_1", "address_line_2", "address_line_3",
            "address_line_4", "address_line_5", "address_line_6", "address_line_7", "postcode");

    public AcceptedNotification accept(@Body String body, @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                                       @Header(Exchange.HTTP_URL) String requestUrl) {
        JsonNode request = RequestJson.parse(mapper, body);
        rateLimiter.check(key);
        Service service = key.service();
        KeyType keyType = KeyType.fromWireName(key.keyType());
        if (request.has("content")) {
            return precompiled.accept(request, key);
        }
        SendSchemas.LETTER.validate(request);
        checks.permission(service, NotificationType.LETTER);
        StoredTemplate template = checks.template(service, request, NotificationType.LETTER);
        Map<String, Object> personalisation = checks.personalisation(request);
        checks.allPlaceholdersFilled(personalisation, template.subject(), template.content());
        checks.unusedPersonalisationWithinLimit(personalisation, ADDRESS_KEYS, template.subject(), template.content());
        SendFiles.checkChannel(NotificationType.LETTER, personalisation);
        checks.keyMaySendLetters(key);
        PostalAddress address = address(personalisation, service);
        RenderedLetter letter = content.letter(template, personalisation);

        UUID id = UUID.randomUUID();
        String clientReference = SendChecks.text(request, "reference");
        SendResponses.Sent response = responses.sent(id, clientReference,
                new SendResponses.LetterContent(letter.body(), letter.subject()), template, requestUrl);
        NotificationOrigin origin = NotificationOrigin.api(service.id(), template, key.keyId(), keyType,
                LocalDateTime.now(clock));
        writer.save(NotificationRow.letter(id, origin, address, contactBlocks.forTemplate(service.id(), template.id()),
                clientReference, content.encryptPersonalisation(personalisation)), service, false);
        return new AcceptedNotification(new LetterPdfTask(id), pdfQueue, response);
    }

    private static PostalAddress address(Map<String, Object> personalisation, Service service) {
        try {
            PostalAddress address = PostalAddresses.fromPersonalisation(personalisation);
            PostalAddresses.validate(address, service.hasPermission("international_letters"));
            return address;
        } catch (InvalidRecipientException e) {
            throw V2ApiException.validation(e.getMessage());
        }
    }
}
