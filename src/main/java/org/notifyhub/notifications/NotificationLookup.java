package org.notifyhub.notifications;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** GET /v2/notifications/{notification_id}. */
@Component
public class NotificationLookup {

    private final NotificationRepository notifications;
    private final TemplateRepository templates;
    private final NotificationContent content;
    private final String configuredBaseUrl;

    public NotificationLookup(NotificationRepository notifications, TemplateRepository templates,
                              NotificationContent content, @Value("${notify.base-url:}") String configuredBaseUrl) {
        this.notifications = notifications;
        this.templates = templates;
        this.content = content;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    public V2Notification get(@Header("notification_id") String notificationId,
                              @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                              @Header(Exchange.HTTP_URL) String requestUrl) {
        UUID id = parseId(notificationId);
        NotificationRow row = notifications.findForService(key.service().id(), id).orElseThrow(V2ApiException::notFound);
        StoredTemplate template = templates.findVersion(row.serviceId(), row.templateId(), row.templateVersion())
                .orElseThrow(() -> new IllegalStateException("Template version missing for notification " + id));
        NotificationContent.Email email = content.email(template, content.decryptPersonalisation(row.encryptedPersonalisation()));
        String baseUrl = BaseUrl.of(configuredBaseUrl, requestUrl);
        boolean isEmail = "email".equals(row.notificationType());
        boolean isSms = "sms".equals(row.notificationType());
        return new V2Notification(row.id(), row.clientReference(),
                isEmail ? row.to() : null, isSms ? row.to() : null,
                null, null, null, null, null, null, null,
                row.notificationType(), row.status().wireName(),
                new V2Notification.Template(template.id(), template.version(),
                        baseUrl + "/v2/template/" + template.id() + "/version/" + template.version()),
                email.plainText(), email.subject(),
                NotifyTime.toWire(row.createdAt()), null, NotifyTime.toWire(row.sentAt()),
                row.status().isCompleted() ? NotifyTime.toWire(row.updatedAt()) : null,
                null, row.postage(), null);
    }

    private static UUID parseId(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to Notify's validation error
        }
        throw V2ApiException.validation("notification_id is not a valid UUID");
    }
}
