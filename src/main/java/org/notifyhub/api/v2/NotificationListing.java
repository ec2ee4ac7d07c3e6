package org.notifyhub.api.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.ListQuery;
import org.notifyhub.notifications.NotificationRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** GET /v2/notifications: the caller's key type only, newest first, 250 a page, paged with older_than. */
@Component
public class NotificationListing {

    public record Links(String current, @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
    }

    public record Page(List<V2Notification> notifications, Links links) {
    }

    private final NotificationRepository notifications;
    private final V2NotificationViews views;
    private final String configuredBaseUrl;

    public NotificationListing(NotificationRepository notifications, V2NotificationViews views,
                               @Value("${notify.base-url:}") String configuredBaseUrl) {
        this.notifications = notifications;
        this.views = views;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    public Page list(@Header(Exchange.HTTP_QUERY) String rawQuery,
                     @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                     @Header(Exchange.HTTP_URL) String requestUrl) {
        Map<String, List<String>> parameters = ListQueryParser.parameters(rawQuery);
        ListQuery query = ListQueryParser.parse(parameters, key.service().id(),
                KeyType.fromWireName(key.keyType()));
        String baseUrl = BaseUrl.of(configuredBaseUrl, requestUrl);
        V2NotificationViews.Maker maker = views.maker(key.service(), baseUrl);
        List<V2Notification> page = notifications.list(query).stream().map(maker::view).toList();

        String self = baseUrl + "/v2/notifications";
        String next = null;
        if (!page.isEmpty()) {
            Map<String, List<String>> nextParameters = new LinkedHashMap<>(parameters);
            nextParameters.put("older_than", List.of(page.get(page.size() - 1).id().toString()));
            next = self + queryString(nextParameters);
        }
        return new Page(page, new Links(self + queryString(parameters), next));
    }

    private static String queryString(Map<String, List<String>> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, values) -> values.forEach(value -> pairs.add(encode(name) + "=" + encode(value))));
        return pairs.isEmpty() ? "" : pairs.stream().collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
