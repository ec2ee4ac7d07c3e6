package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ProviderHttp;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.service.notify.NotificationClient;

/**
 * A Firetext call that times out after Firetext took the message (WireMock counts the request, then answers too late
 * for the 3 s provider timeout) is not sent again at once: the notification stays sending until the re-check
 * (6 s in tests), which sends again only when no receipt has come.
 */
class UnansweredProviderCallsIT extends SmsProviderStubs {

    private static final String ACCEPTED = "{\"code\":0,\"description\":\"SMS successfully queued\"}";
    private static final int LATE_MILLIS = 4_000;

    @Autowired
    private MeterRegistry meters;

    private TestService service;
    private NotificationClient client;

    record Row(String notificationStatus, String sentBy, LocalDateTime sentAt, LocalDateTime providerCallStartedAt) {
    }

    @BeforeEach
    void setUp() {
        service = testServices.create(false, List.of("email", "sms"));
        client = new NotificationClient(service.normalKey(), baseUrl());
        pointHubAt(true, false);
        restoreSeededPriorities();
    }

    @AfterEach
    void restorePriorities() {
        restoreSeededPriorities();
    }

    @Test
    void aTimedOutSendIsSentAgainOnlyAfterTheRecheckFoundNoReceipt() throws Exception {
        // The first request is taken but answered too late; any later one is answered at once.
        providers.stubFor(post(FIRETEXT_PATH).inScenario("late").whenScenarioStateIs(STARTED)
                .willReturn(okJson(ACCEPTED).withFixedDelay(LATE_MILLIS)).willSetStateTo("prompt"));
        providers.stubFor(post(FIRETEXT_PATH).inScenario("late").whenScenarioStateIs("prompt").willReturn(okJson(ACCEPTED)));

        UUID id = client.sendSms(service.smsTemplate().toString(), "07700900471", Map.of("name", "Ada"), null)
                .getNotificationId();

        List<LoggedRequest> requests = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> firetextRequestsFor(id), sent -> sent.size() >= 2);
        Duration between = Duration.between(requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant());
        // 3 s provider timeout + 6 s re-check window; an immediate retry (1 s ladder step) would come about 4 s after.
        assertThat(between).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        Row row = await().atMost(WAIT).until(() -> row(id), r -> r.sentAt() != null);
        assertThat(row.notificationStatus()).isEqualTo("sending");
        assertThat(row.sentBy()).isEqualTo("firetext");
        assertThat(firetextRequestsFor(id)).hasSize(2);
    }

    @Test
    void aReceiptForATimedOutSendSettlesItAndNothingIsSentAgain() throws Exception {
        providers.stubFor(post(FIRETEXT_PATH).willReturn(okJson(ACCEPTED).withFixedDelay(LATE_MILLIS)));
        double errors = meters.counter("clients.firetext.error").count();
        double settled = meters.counter("delivery.unanswered.rechecks", "outcome", "settled").count();

        UUID id = client.sendSms(service.smsTemplate().toString(), "07700900472", Map.of("name", "Bo"), null)
                .getNotificationId();

        // The call has timed out: the provider may have the message, so it is still sending, its call on record.
        await().atMost(Duration.ofSeconds(15)).until(() -> meters.counter("clients.firetext.error").count() > errors);
        Row unanswered = await().atMost(WAIT).pollDelay(Duration.ofMillis(500)).until(() -> row(id), r -> true);
        assertThat(unanswered.notificationStatus()).isEqualTo("sending");
        assertThat(unanswered.providerCallStartedAt()).isNotNull();
        assertThat(unanswered.sentAt()).isNull();

        // Firetext's late receipt finds it and delivers it; the re-check then finds it settled and sends nothing.
        ProviderHttp.Reply reply = new ProviderHttp(baseUrl()).postForm("/notifications/sms/firetext", Map.of("status", "0",
                "reference", id.toString(), "code", "000", "mobile", "447700900472", "time", "2024-05-01 10:00:00"), null);
        assertThat(reply.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> row(id).notificationStatus().equals("delivered"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.counter("delivery.unanswered.rechecks", "outcome", "settled").count() > settled);
        assertThat(row(id).notificationStatus()).isEqualTo("delivered");
        assertThat(firetextRequestsFor(id)).hasSize(1);
    }

    private Row row(UUID id) {
        return jdbc.sql("SELECT notification_status, sent_by, sent_at, provider_call_started_at FROM notifications WHERE id = :id")
                .param("id", id).query(Row.class).single();
    }

    private void restoreSeededPriorities() {
        jdbc.sql("UPDATE provider_details SET priority = CASE identifier WHEN 'firetext' THEN 40 ELSE 60 END, updated_at = NULL"
                + " WHERE identifier IN ('firetext', 'mmg')").update();
    }
}
