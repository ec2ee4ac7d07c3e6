package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendSmsResponse;

/** deliver-sms with live keys through Firetext and MMG (WireMock), as Notify sends to them and fails over. */
class SmsProvidersIT extends SmsProviderStubs {

    @Autowired
    private SmsDeliveryService delivery;

    private TestService service;
    private NotificationClient client;

    record Row(String notificationStatus, String sentBy, int billableUnits, LocalDateTime sentAt, LocalDateTime updatedAt) {
    }

    record Priority(String identifier, int priority, LocalDateTime updatedAt) {
    }

    @BeforeEach
    void setUp() {
        service = testServices.create(false, List.of("email", "sms", "letter", "international_sms"));
        client = new NotificationClient(service.normalKey(), baseUrl());
        restoreSeededPriorities();
    }

    @AfterEach
    void restorePriorities() {
        restoreSeededPriorities();
    }

    @Test
    void aLiveKeySendsThroughFiretextAsAForm() throws Exception {
        pointHubAt(true, false);
        acceptEverySend();

        SendSmsResponse response = client.sendSms(service.smsTemplate().toString(), "07700 900456", Map.of("name", "Ada"), null);
        UUID id = response.getNotificationId();

        Row row = awaitRow(id, r -> r.sentBy() != null);
        assertThat(row.notificationStatus()).isEqualTo("sending");
        assertThat(row.sentBy()).isEqualTo("firetext");
        assertThat(row.billableUnits()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        List<LoggedRequest> requests = firetextRequestsFor(id);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).contentTypeHeader().mimeTypePart()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(requests.get(0))).containsExactly(
                Map.entry("apiKey", FIRETEXT_KEY),
                Map.entry("from", "GOVUK"),
                Map.entry("to", "447700900456"),
                Map.entry("message", response.getBody()),
                Map.entry("reference", id.toString()));
        assertThat(response.getBody()).endsWith(": Hi Ada");
        assertThat(prometheus()).containsPattern("clients_firetext_success_total\\{[^}]*} [1-9]")
                .contains("clients_firetext_request_time_seconds_count");
    }

    @Test
    void aLiveKeySendsThroughMmgAsJsonWithItsKey() throws Exception {
        pointHubAt(false, true);
        acceptEverySend();

        SendSmsResponse response = client.sendSms(service.smsTemplate().toString(), "07700900457", Map.of("name", "Bo"), null);
        UUID id = response.getNotificationId();

        Row row = awaitRow(id, r -> r.sentBy() != null);
        assertThat(row.notificationStatus()).isEqualTo("sending");
        assertThat(row.sentBy()).isEqualTo("mmg");
        List<LoggedRequest> requests = mmgRequestsFor(id);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Basic " + MMG_KEY);
        assertThat(requests.get(0).contentTypeHeader().mimeTypePart()).isEqualTo("application/json");
        assertThat(equalToJson("{\"reqType\":\"BULK\",\"MSISDN\":\"447700900457\",\"msg\":" + mapper.writeValueAsString(response.getBody())
                + ",\"sender\":\"GOVUK\",\"cid\":\"" + id + "\",\"multi\":true}").match(requests.get(0).getBodyAsString()).isExactMatch())
                .as(requests.get(0).getBodyAsString()).isTrue();
    }

    @Test
    void anInternationalNumberGoesOnlyToFiretextWithItsInternationalKeyAndIsSent() throws Exception {
        pointHubAt(true, true);
        acceptEverySend();

        UUID id = client.sendSms(service.smsTemplate().toString(), "+33 6 12 34 56 78", Map.of("name", "Jo"), null)
                .getNotificationId();

        Row row = awaitRow(id, r -> r.sentBy() != null);
        assertThat(row.notificationStatus()).isEqualTo("sent");
        assertThat(row.sentBy()).isEqualTo("firetext");
        assertThat(mmgRequestsFor(id)).isEmpty();
        assertThat(form(firetextRequestsFor(id).get(0)))
                .containsEntry("apiKey", FIRETEXT_INTERNATIONAL_KEY)
                .containsEntry("to", "33612345678");
    }

    @Test
    void aProviderFailureLeavesTheMessageRetryableAndMovesTenPointsToTheOtherProviderOncePerMinute() throws Exception {
        pointHubAt(true, true);
        failEverySend();

        UUID first = client.sendSms(service.smsTemplate().toString(), "07700900458", Map.of("name", "Cy"), null)
                .getNotificationId();

        // Claimed (sending), then given back after the failure: created again, touched, not sent.
        Row row = awaitRow(first, r -> "created".equals(r.notificationStatus()) && r.updatedAt() != null);
        assertThat(row.sentBy()).isNull();
        assertThat(row.sentAt()).isNull();
        assertThat(row.billableUnits()).isEqualTo(1);
        // WireMock may journal a request a moment after answering it.
        String failed = await().atMost(WAIT).until(() -> firetextRequestsFor(first).isEmpty()
                ? mmgRequestsFor(first).isEmpty() ? null : "mmg" : "firetext", name -> name != null);
        Map<String, Priority> priorities = priorities();
        assertThat(priorities.get(failed).priority()).isEqualTo(failed.equals("mmg") ? 50 : 30);
        assertThat(priorities.get(failed.equals("mmg") ? "firetext" : "mmg").priority()).isEqualTo(failed.equals("mmg") ? 50 : 70);
        assertThat(priorities.values()).allSatisfy(p ->
                assertThat(p.updatedAt()).isAfter(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1)));

        // The message can be claimed and sent again; failing again within the minute moves nothing.
        assertThatThrownBy(() -> delivery.deliver(DeliveryTask.first(first, NotificationType.SMS)))
                .isInstanceOf(RetryableDeliveryException.class);
        await().atMost(WAIT).until(() -> firetextRequestsFor(first).size() + mmgRequestsFor(first).size() == 2);
        assertThat(row(first).notificationStatus()).isEqualTo("created");
        assertThat(priorities()).isEqualTo(priorities);
    }

    private Row awaitRow(UUID id, Predicate<Row> condition) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> row(id), condition);
    }

    private Row row(UUID id) {
        return jdbc.sql("SELECT notification_status, sent_by, billable_units, sent_at, updated_at FROM notifications WHERE id = :id")
                .param("id", id).query(Row.class).single();
    }

    private Map<String, Priority> priorities() {
        return jdbc.sql("SELECT identifier, priority, updated_at FROM provider_details WHERE notification_type = 'sms'")
                .query(Priority.class).stream()
                .collect(Collectors.toMap(Priority::identifier, p -> p));
    }

    private void restoreSeededPriorities() {
        jdbc.sql("UPDATE provider_details SET priority = CASE identifier WHEN 'firetext' THEN 40 ELSE 60 END, updated_at = NULL"
                + " WHERE identifier IN ('firetext', 'mmg')").update();
    }

    private String prometheus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The posted form in order, decoded. */
    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(decode(kv[0]), decode(kv.length > 1 ? kv[1] : ""));
        }
        return fields;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
