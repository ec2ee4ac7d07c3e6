package org.notifyhub.admin.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.common.LondonDays;
import org.notifyhub.notifications.NotificationAdminRepository;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.ServiceNotificationQuery;
import org.springframework.stereotype.Component;

/**
 * GET /service/{service_id}/notifications: a page of a service's notifications, newest first. As in Notify it
 * includes notifications from CSV jobs and one-off sends but not test-key ones unless asked, and learns whether a
 * next page exists by reading it.
 */
@Component
public class ServiceNotificationsAdmin {

    public record NotificationPage(List<AdminNotificationView> notifications, @JsonProperty("page_size") int pageSize,
                                   Map<String, String> links) {
    }

    private final NotificationAdminRepository notifications;
    private final NotificationContent content;
    private final KnownServices knownServices;
    private final Clock clock;

    public ServiceNotificationsAdmin(NotificationAdminRepository notifications, NotificationContent content,
                                     KnownServices knownServices, Clock clock) {
        this.notifications = notifications;
        this.content = content;
        this.knownServices = knownServices;
        this.clock = clock;
    }

    public NotificationPage list(@Header("service_id") String serviceIdText, @Header(Exchange.HTTP_QUERY) String rawQuery) {
        UUID serviceId = knownServices.require(serviceIdText);
        QueryParameters query = QueryParameters.parse(rawQuery);
        NotificationListParameters p = NotificationListParameters.read(query);
        LocalDateTime since = p.limitDays() == null ? null
                : LondonDays.daysAgo(LocalDateTime.now(clock), p.limitDays());
        ServiceNotificationQuery q = new ServiceNotificationQuery(serviceId, p.statuses(), p.templateTypes(), since,
                p.olderThan(), p.includeJobs(), p.includeOneOff(), p.includeFromTestKey(), p.to(), null,
                (p.page() - 1) * p.pageSize(), p.pageSize());
        List<AdminNotificationView> page = notifications.find(q).stream()
                .map(n -> AdminNotificationView.of(n, content.decryptPersonalisation(n.row().encryptedPersonalisation())))
                .toList();
        Map<String, String> links = new LinkedHashMap<>();
        if (p.countPages()) {
            if (p.page() > 1) {
                links.put("prev", link(serviceId, query, p.page() - 1));
            }
            if (!notifications.find(q.page(p.page() * p.pageSize(), 1)).isEmpty()) {
                links.put("next", link(serviceId, query, p.page() + 1));
            }
        }
        return new NotificationPage(page, p.pageSize(), links);
    }

    /** The same request for another page, relative as Flask's url_for makes it. */
    private static String link(UUID serviceId, QueryParameters query, int page) {
        StringBuilder link = new StringBuilder("/service/" + serviceId + "/notifications?page=" + page);
        query.firstValues().forEach((name, value) -> {
            if (!"page".equals(name)) {
                link.append('&').append(encode(name)).append('=').append(encode(value));
            }
        });
        return link.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
