package org.notifyhub.api.v2;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** GET /v2/notifications/{notification_id}: looked up by service only, as Notify does (not by key type). */
@Component
public class NotificationLookup {

    private final NotificationRepository notifications;
    private final V2NotificationViews views;
    private final String configuredBaseUrl;

    public NotificationLookup(NotificationRepository notifications, V2NotificationViews views,
                              @Value("${notify.base-url:}") String configuredBaseUrl) {
        this.notifications = notifications;
        this.views = views;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    public V2Notification get(@Header("notification_id") String notificationId,
                              @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                              @Header(Exchange.HTTP_URL) String requestUrl) {
        UUID id = parseId(notificationId);
        NotificationRow row = notifications.findForService(key.service().id(), id).orElseThrow(V2ApiException::notFound);
        return views.maker(key.service(), BaseUrl.of(configuredBaseUrl, requestUrl)).view(row);
    }

    static UUID parseId(String value) {
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
