package org.notifyhub.notifications;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.services.Service;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** POST /v2/notifications/email: checks the request, renders the email and makes the row durable. */
@Component
public class EmailNotificationIntake {

    private final ObjectMapper mapper;
    private final TemplateRepository templates;
    private final SenderRepository senders;
    private final NotificationRepository notifications;
    private final NotificationContent content;
    private final Clock clock;
    private final String emailDomain;
    private final String configuredBaseUrl;

    public EmailNotificationIntake(ObjectMapper mapper, TemplateRepository templates, SenderRepository senders,
                                   NotificationRepository notifications, NotificationContent content, Clock clock,
                                   @Value("${notify.email-domain}") String emailDomain,
                                   @Value("${notify.base-url:}") String configuredBaseUrl) {
        this.mapper = mapper;
        this.templates = templates;
        this.senders = senders;
        this.notifications = notifications;
        this.content = content;
        this.clock = clock;
        this.emailDomain = emailDomain;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    public AcceptedNotification accept(@Body String body, @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                                       @Header(Exchange.HTTP_URL) String requestUrl) {
        JsonNode request = RequestJson.parse(mapper, body);
        String emailAddress = requiredText(request, "email_address");
        UUID templateId = uuid(request, "template_id");
        Service service = key.service();
        if (!service.hasPermission("email")) {
            throw V2ApiException.badRequest("Service is not allowed to send emails");
        }
        StoredTemplate template = templates.findLatest(service.id(), templateId)
                .orElseThrow(() -> V2ApiException.badRequest("Template not found"));
        if (!"email".equals(template.templateType())) {
            throw V2ApiException.badRequest(template.templateType() + " template is not suitable for email notification");
        }
        Map<String, Object> personalisation = request.hasNonNull("personalisation")
                ? mapper.convertValue(request.get("personalisation"), new TypeReference<LinkedHashMap<String, Object>>() {
                })
                : Map.of();
        NotificationContent.Email email = content.email(template, personalisation);
        String reference = request.hasNonNull("reference") ? request.get("reference").asText() : null;

        UUID id = UUID.randomUUID();
        LocalDateTime now = LocalDateTime.now(clock);
        notifications.insert(new NotificationRow(id, emailAddress, emailAddress.strip().toLowerCase(), null, null,
                service.id(), template.id(), template.version(), key.keyId(), key.keyType(), 0, "email", now, null, null,
                null, NotificationStatus.CREATED, null, reference, content.encryptPersonalisation(personalisation),
                senders.defaultReplyTo(service.id()).orElse(null), null, null));

        String baseUrl = BaseUrl.of(configuredBaseUrl, requestUrl);
        PostEmailResponse response = new PostEmailResponse(id, reference,
                new PostEmailResponse.Content(service.emailFrom() + "@" + emailDomain, email.plainText(), email.subject(), null),
                baseUrl + "/v2/notifications/" + id,
                new PostEmailResponse.TemplateLink(template.id(), template.version(),
                        baseUrl + "/services/" + service.id() + "/templates/" + template.id()),
                null);
        return new AcceptedNotification(new DeliveryTask(id), response);
    }

    private static String requiredText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            throw V2ApiException.validation(field + " is a required property");
        }
        return value.asText();
    }

    private static UUID uuid(JsonNode request, String field) {
        String value = requiredText(request, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw V2ApiException.validation(field + " is not a valid UUID");
        }
    }
}
