package org.notifyhub.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook and Zendesk channels against WireMock, and the fan-out that survives a failing channel. */
class AlertChannelsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2018-01-16T16:30:00Z"), ZoneOffset.UTC);

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theWebhookGetsTheAlertAsJson() {
        server.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        WebhookAlertChannel webhook = new WebhookAlertChannel(server.baseUrl() + "/hook", "Bearer hook-token", "node-1",
                Duration.ofSeconds(2));

        new Alerts(List.of(webhook), CLOCK).raise("letters-still-sending", "Letters still sending", "There are 2");

        server.verify(postRequestedFor(urlPathEqualTo("/hook"))
                .withHeader("Authorization", equalTo("Bearer hook-token"))
                .withRequestBody(equalToJson("""
                        {"title": "Letters still sending", "body": "There are 2", "kind": "letters-still-sending",
                         "node": "node-1", "raised_at": "2018-01-16T16:30:00.000000Z"}""")));
    }

    @Test
    void zendeskGetsAnIncidentTicketWithApiTokenAuthentication() {
        server.stubFor(post(urlPathEqualTo("/api/v2/tickets.json")).willReturn(aResponse().withStatus(201)));
        ZendeskAlertChannel zendesk = new ZendeskAlertChannel(server.baseUrl() + "/", "ops@example.gov.uk", "secret",
                null, "live", Duration.ofSeconds(2));

        new Alerts(List.of(zendesk), CLOCK).raise("letter-ack-missing", "Letter acknowledge error", "Missing ack");

        String basic = Base64.getEncoder().encodeToString("ops@example.gov.uk/token:secret".getBytes(StandardCharsets.UTF_8));
        server.verify(postRequestedFor(urlPathEqualTo("/api/v2/tickets.json"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(equalToJson("""
                        {"ticket": {"subject": "[live] Letter acknowledge error", "comment": {"body": "Missing ack"},
                                    "type": "incident", "priority": "normal",
                                    "tags": ["notify_hub_alert", "letter-ack-missing"]}}""")));
    }

    @Test
    void aFailingChannelDoesNotStopTheOthersOrTheCaller() {
        server.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(500)));
        List<Alert> received = new ArrayList<>();
        AlertChannel recording = new AlertChannel() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void send(Alert alert) {
                received.add(alert);
            }
        };
        WebhookAlertChannel failing = new WebhookAlertChannel(server.baseUrl() + "/hook", "", "node-1", Duration.ofSeconds(2));

        Alert alert = new Alerts(List.of(failing, new LogAlertChannel(), recording), CLOCK).raise("k", "Title", "Body");

        assertThat(received).containsExactly(alert);
        assertThat(alert.raisedAt()).isEqualTo(CLOCK.instant());
        server.verify(1, postRequestedFor(urlPathEqualTo("/hook")));
    }
}
