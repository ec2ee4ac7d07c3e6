package org.notifyhub.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import org.notifyhub.common.NotifyTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * POSTs each alert as JSON {title, body, kind, node, raised_at} to notify.alerts.webhook-url (a chat or paging
 * webhook), with notify.alerts.webhook-authorization as the Authorization header when set.
 */
@Component
@ConditionalOnExpression("'${notify.alerts.webhook-url:}' != ''")
public class WebhookAlertChannel implements AlertChannel {

    record Payload(String title, String body, String kind, String node, @JsonProperty("raised_at") String raisedAt) {
    }

    private final RestClient http;
    private final String url;
    private final String authorization;
    private final String node;

    public WebhookAlertChannel(@Value("${notify.alerts.webhook-url}") String url,
                               @Value("${notify.alerts.webhook-authorization:}") String authorization,
                               @Value("${notify.node-name}") String node,
                               @Value("${notify.alerts.timeout:5s}") Duration timeout) {
        this.http = AlertHttp.client(timeout);
        this.url = url;
        this.authorization = authorization;
        this.node = node;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Alert alert) {
        RestClient.RequestBodySpec request = http.post().uri(url).contentType(MediaType.APPLICATION_JSON);
        if (!authorization.isBlank()) {
            request.header("Authorization", authorization);
        }
        request.body(new Payload(alert.title(), alert.body(), alert.kind(), node, NotifyTime.toWire(alert.raisedAt())))
                .retrieve().toBodilessEntity();
    }
}
