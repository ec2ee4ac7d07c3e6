package org.notifyhub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.notifyhub.delivery.SmsProviderStubs.firetextRequestsFor;
import static org.notifyhub.delivery.SmsProviderStubs.mmgRequestsFor;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.notifyhub.notifications.DeliveryTask;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendSmsResponse;

/** deliver-sms with live keys through Firetext and MMG (WireMock), as Notify sends to them and fails over. */
class SmsProvidersIT extends HubIntegrationTest {

    @RegisterExtension
    static WireMockExtension providers = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private SmsProviderEndpoints endpoints;

    @Autowired
    private SmsDeliveryService delivery;

    @Autowired
    private JdbcClient jdbc;

    private TestService service;
    private NotificationClient client;

    record Row(String notificationStatus, String sentBy, int billableUnits, LocalDateTime sentAt) {
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
    void restore() {
        endpoints.restoreConfigured();
        restoreSeededPriorities();
    }

    @Test
    void aLiveKeySendsThroughFiretextAsAForm() throws Exception {
        SmsProviderStubs.pointHubAt(endpoints, providers, true, false);
        SmsProviderStubs.acceptEverySend(providers);

        SendSmsResponse response = client.sendSms(service.smsTemplate().toString(), "07700 900456", Map.of("name", "Ada"), null);
        UUID id = response.getNotificationId();

        Row row = awaitRow(id, r -> r.sentBy() != null);
        assertThat(row.notificationStatus()).isEqualTo("sending");
        assertThat(row.sentBy()).isEqualTo("firetext");
        assertThat(row.billableUnits()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        List<LoggedRequest> requests = firetextRequestsFor(providers, id);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).contentTypeHeader().mimeTypePart()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(requests.get(0))).containsExactly(
                Map.entry("apiKey", SmsProviderStubs.FIRETEXT_KEY),
                Map.entry("from", "GOVUK"),
                Map.entry("to", "447700900456"),
                Map.entry("message", response.getBody()),
                Map.entry("reference", id.toString()));
        assertThat(response.getBody()).endsWith(": Hi Ada");
    }

    @Test
    void aLiveKeySendsThroughMmgAsJsonWithItsKey() throws Exception {
        SmsProviderStubs.pointHubAt(endpoints, providers, false, true);
        SmsProviderStubs.acceptEverySend(providers);

        SendSmsResponse response = client.sendSms(service.smsTemplate().toString(), "07700900457", Map.of("name", "Bo"), null);
        UUID id = response.getNotificationId();

        Row row = awaitRow(id, r -> r.sentBy() != null);
        assertThat(row.notificationStatus()).isEqualTo("sending");
        assertThat(row.sentBy()).isEqualTo("mmg");
        List<LoggedRequest> requests = mmgRequestsFor(providers, id);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Basic " + SmsProviderStubs.MMG_KEY);
        assertThat(requests.get(0).contentTypeHeader().mimeTypePart()).isEqualTo("application/json");
        assertThat(equalToJson("{\"reqType\":\"BULK\",\"MSISDN\":\"447700900457\",\"msg\":" + mapper.writeValueAsString(response.getBody())
                + ",\"sender\":\"GOVUK\",\"cid\":\"" + id + "\",\"multi\":true}").match(requests.get(0).getBodyAsString()).isExactMatch())
                .as(requests.get(0).getBodyAsString()).isTrue();
    }

    @Test
    void anInternationalNumberGoesOnlyToFiretextWithItsInternationalKeyAndIsSent() throws Exception {
        SmsProviderStubs.pointHubAt(endpoints, providers, true, true);
        SmsProviderStubs.acceptEverySend(providers);

        UUID id = client.sendSms(service.smsTemplate().toString(), "+33 6 12 34 56 78", Map.of("name", "Jo"), null)
                .getNotificationId();

        Row row = awaitRow(id, r -> r.sentBy() != null);
        assertThat(row.notificationStatus()).isEqualTo("sent");
        assertThat(row.sentBy()).isEqualTo("firetext");
        assertThat(mmgRequestsFor(providers, id)).isEmpty();
        assertThat(form(firetextRequestsFor(providers, id).get(0)))
                .containsEntry("apiKey", SmsProviderStubs.FIRETEXT_INTERNATIONAL_KEY)
                .containsEntry("to", "33612345678");
    }

    @Test
    void aProviderFailureLeavesTheMessageRetryableAndMovesTenPointsToTheOtherProviderOncePerMinute() throws Exception {
        SmsProviderStubs.pointHubAt(endpoints, providers, true, true);
        SmsProviderStubs.failEverySend(providers);

        UUID first = client.sendSms(service.smsTemplate().toString(), "07700900458", Map.of("name", "Cy"), null)
                .getNotificationId();

        Row row = awaitRow(first, r -> "created".equals(r.notificationStatus()) && r.billableUnits() == 1);
        assertThat(row.sentBy()).isNull();
        // WireMock may journal a request a moment after answering it.
        String failed = await().atMost(WAIT).until(() -> firetextRequestsFor(providers, first).isEmpty()
                ? mmgRequestsFor(providers, first).isEmpty() ? null : "mmg" : "firetext", name -> name != null);
        Map<String, Priority> priorities = priorities();
        assertThat(priorities.get(failed).priority()).isEqualTo(failed.equals("mmg") ? 50 : 30);
        assertThat(priorities.get(failed.equals("mmg") ? "firetext" : "mmg").priority()).isEqualTo(failed.equals("mmg") ? 50 : 70);
        assertThat(priorities.values()).allSatisfy(p ->
                assertThat(p.updatedAt()).isAfter(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1)));

        // The message can be claimed and sent again; failing again within the minute moves nothing.
        assertThatThrownBy(() -> delivery.deliver(new DeliveryTask(first)))
                .isInstanceOf(RetryableDeliveryException.class);
        await().atMost(WAIT).until(() -> firetextRequestsFor(providers, first).size() + mmgRequestsFor(providers, first).size() == 2);
        assertThat(row(first).notificationStatus()).isEqualTo("created");
        assertThat(priorities()).isEqualTo(priorities);
    }

    private Row awaitRow(UUID id, Predicate<Row> condition) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> row(id), condition);
    }

    private Row row(UUID id) {
        return jdbc.sql("SELECT notification_status, sent_by, billable_units, sent_at FROM notifications WHERE id = :id")
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
