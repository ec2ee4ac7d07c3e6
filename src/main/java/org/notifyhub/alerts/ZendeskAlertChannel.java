package org.notifyhub.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Opens a Zendesk ticket per alert, as Notify's support tickets: POST {url}/api/v2/tickets.json authenticated with an
 * API token ({email}/token:{api-token}), type incident, tagged with the alert's kind. Needs notify.alerts.zendesk.url,
 * email and api-token.
 */
@Component
@ConditionalOnExpression("'${notify.alerts.zendesk.url:}' != '' && '${notify.alerts.zendesk.api-token:}' != ''")
public class ZendeskAlertChannel implements AlertChannel {

    record Comment(String body) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ticket(String subject, Comment comment, String type, String priority, List<String> tags,
                  @JsonProperty("group_id") Long groupId) {
    }

    record TicketRequest(Ticket ticket) {
    }

    private final RestClient http;
    private final String ticketsUrl;
    private final String authorization;
    private final Long groupId;
    private final String environment;

    public ZendeskAlertChannel(@Value("${notify.alerts.zendesk.url}") String url,
                               @Value("${notify.alerts.zendesk.email}") String email,
                               @Value("${notify.alerts.zendesk.api-token}") String apiToken,
                               @Value("${notify.alerts.zendesk.group-id:#{null}}") Long groupId,
                               @Value("${notify.alerts.environment:}") String environment,
                               @Value("${notify.alerts.timeout:5s}") Duration timeout) {
        this.http = AlertHttp.client(timeout);
        this.ticketsUrl = url.replaceAll("/+$", "") + "/api/v2/tickets.json";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((email + "/token:" + apiToken).getBytes(StandardCharsets.UTF_8));
        this.groupId = groupId;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "zendesk";
    }

    @Override
    public void send(Alert alert) {
        String subject = environment.isBlank() ? alert.title() : "[" + environment + "] " + alert.title();
        Ticket ticket = new Ticket(subject, new Comment(alert.body()), "incident", "normal",
                List.of("notify_hub_alert", alert.kind()), groupId);
        http.post().uri(ticketsUrl).contentType(MediaType.APPLICATION_JSON).header("Authorization", authorization)
                .body(new TicketRequest(ticket)).retrieve().toBodilessEntity();
    }
}
