package org.notifyhub.servicecallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.delivery.SimulatorFaultSwitches;
import org.notifyhub.services.CallbackType;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;

/** A service with a delivery-status callback hears of every final status its messages reach, with Notify's payload. */
class DeliveryStatusCallbacksIT extends HubIntegrationTest {

    private static final List<String> ALL = List.of("email", "sms", "letter", "international_sms");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Encryption encryption;

    @Autowired
    private SimulatorFaultSwitches faults;

    @Autowired
    private MeterRegistry meters;

    private TestService service;
    private NotificationClient client;
    private String path;
    private String token;

    @BeforeEach
    void serviceWithACallback() {
        service = testServices.create(false, ALL);
        client = new NotificationClient(service.normalKey(), baseUrl());
        path = CallbackServer.answering(200);
        token = "bearer-" + UUID.randomUUID();
        CallbackServer.configure(jdbc, encryption, service.id(), CallbackType.DELIVERY_STATUS, CallbackServer.url(path), token);
    }

    @Test
    void aDeliveredTextMessageIsPostedWithTheBearerTokenAndEveryField() throws Exception {
        double deliveredReceipts = firetextDeliveredReceipts();
        String id = client.sendSms(service.smsTemplate().toString(), "07700 900123", Map.of("name", "Ada"), "sms-ref")
                .getNotificationId().toString();

        LoggedRequest request = awaitCallbacks(1).get(0);

        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        Map<String, Object> payload = CallbackServer.body(request);
        assertThat(payload).isEqualTo(expectedPayload(id, "sms-ref", "delivered", "sms"));
        assertThat(firetextDeliveredReceipts()).isGreaterThan(deliveredReceipts);
        assertThat(payload.get("sent_at")).asString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void aBouncedEmailIsPostedWithItsStatusAndANullReference() throws Exception {
        String id = client.sendEmail(service.emailTemplate().toString(), "temp-fail@simulator.notify",
                Map.of("name", "B"), null).getNotificationId().toString();

        LoggedRequest request = awaitCallbacks(1).get(0);

        assertThat(CallbackServer.body(request)).isEqualTo(expectedPayload(id, null, "temporary-failure", "email"));
        assertThat(CallbackServer.body(request)).containsEntry("reference", null);
    }

    @Test
    void pendingIsNotReportedOnlyTheFinalStatus() throws Exception {
        // The simulator answers this number with pending, then declined.
        String id = client.sendSms(service.smsTemplate().toString(), "07700900003", Map.of("name", "P"), null)
                .getNotificationId().toString();

        await().atMost(Duration.ofSeconds(15)).until(() -> status(id).equals("temporary-failure"));
        List<LoggedRequest> requests = awaitCallbacks(1);
        Thread.sleep(1500);

        assertThat(CallbackServer.received(path)).hasSize(1);
        assertThat(CallbackServer.body(requests.get(0))).containsEntry("status", "temporary-failure");
    }

    @Test
    void aSendThatFailsForGoodIsReportedAsTechnicalFailureWithoutASentAt() throws Exception {
        String recipient = "refused-" + UUID.randomUUID() + "@example.com";
        faults.refuseSendsTo(recipient);
        try {
            String id = client.sendEmail(service.emailTemplate().toString(), recipient, Map.of("name", "R"), "r-ref")
                    .getNotificationId().toString();

            Map<String, Object> payload = CallbackServer.body(awaitCallbacks(1).get(0));

            assertThat(payload).isEqualTo(expectedPayload(id, "r-ref", "technical-failure", "email"));
            assertThat(payload.get("sent_at")).isNull();
        } finally {
            faults.clear(recipient);
        }
    }

    @Test
    void aServiceWithoutACallbackGetsNone() throws Exception {
        TestService other = testServices.create(false, ALL);
        String id = new NotificationClient(other.normalKey(), baseUrl())
                .sendSms(other.smsTemplate().toString(), "07700900124", Map.of("name", "N"), null)
                .getNotificationId().toString();

        await().atMost(Duration.ofSeconds(15)).until(() -> status(id).equals("delivered"));
        Thread.sleep(1500);

        assertThat(CallbackServer.received(path)).isEmpty();
    }

    private double firetextDeliveredReceipts() {
        Counter counter = meters.find("notify.provider.callback").tags("provider", "firetext", "status", "delivered").counter();
        return counter == null ? 0 : counter.count();
    }

    private List<LoggedRequest> awaitCallbacks(int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> CallbackServer.received(path).size() >= count);
        return CallbackServer.received(path);
    }

    /** The payload as Notify builds it from the row as it is now. */
    private Map<String, Object> expectedPayload(String id, String reference, String status, String type) {
        return jdbc.sql("""
                        SELECT "to", notification_status, created_at, updated_at, sent_at, template_id, template_version
                        FROM notifications WHERE id = :id::uuid""")
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, Object> expected = new HashMap<>();
                    expected.put("id", id);
                    expected.put("reference", reference);
                    expected.put("to", rs.getString("to"));
                    expected.put("status", status);
                    expected.put("created_at", NotifyTime.toWire(rs.getObject("created_at", LocalDateTime.class)));
                    expected.put("completed_at", NotifyTime.toWire(rs.getObject("updated_at", LocalDateTime.class)));
                    expected.put("sent_at", NotifyTime.toWire(rs.getObject("sent_at", LocalDateTime.class)));
                    expected.put("notification_type", type);
                    expected.put("template_id", rs.getString("template_id"));
                    expected.put("template_version", rs.getInt("template_version"));
                    assertThat(rs.getString("notification_status")).isEqualTo(status);
                    return expected;
                })
                .single();
    }

    private String status(String id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id::uuid").param("id", id)
                .query(String.class).single();
    }
}
