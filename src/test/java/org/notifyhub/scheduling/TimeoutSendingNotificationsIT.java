package org.notifyhub.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.servicecallbacks.CallbackServer;
import org.notifyhub.services.CallbackType;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * timeout-sending-notifications: email and SMS sending or pending for more than three days become temporary-failure
 * (in batches, here of two) and their services hear of it; letters, recent messages and other statuses stay as they are.
 */
class TimeoutSendingNotificationsIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Encryption encryption;

    @Autowired
    private ProducerTemplate producer;

    @Autowired
    private Scheduler scheduler;

    @Test
    void oldSendingAndPendingEmailAndSmsTimeOutWithCallbacksAndNothingElseChanges() {
        TestService service = testServices.create(false, List.of("email", "sms", "letter"));
        String path = CallbackServer.answering(200);
        CallbackServer.configure(jdbc, encryption, service.id(), CallbackType.DELIVERY_STATUS, CallbackServer.url(path),
                "timeout-token");
        LocalDateTime fourDaysAgo = now().minusDays(4);
        UUID oldEmail = insert(service, "email", "sending", fourDaysAgo, "ses");
        UUID oldPendingSms = insert(service, "sms", "pending", fourDaysAgo, "firetext");
        UUID oldSendingSms = insert(service, "sms", "sending", fourDaysAgo.minusDays(1), "mmg");
        UUID recentSms = insert(service, "sms", "sending", now().minusDays(2), "firetext");
        UUID oldLetter = insert(service, "letter", "sending", fourDaysAgo, "dvla");
        UUID oldDelivered = insert(service, "email", "delivered", fourDaysAgo, "ses");

        Integer timedOut = producer.requestBody("direct:timeout-sending-notifications", null, Integer.class);

        assertThat(timedOut).isGreaterThanOrEqualTo(3);
        assertThat(status(oldEmail)).isEqualTo("temporary-failure");
        assertThat(status(oldPendingSms)).isEqualTo("temporary-failure");
        assertThat(status(oldSendingSms)).isEqualTo("temporary-failure");
        assertThat(status(recentSms)).isEqualTo("sending");
        assertThat(status(oldLetter)).isEqualTo("sending");
        assertThat(status(oldDelivered)).isEqualTo("delivered");

        await().atMost(Duration.ofSeconds(15)).until(() -> CallbackServer.received(path).size() >= 3);
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (LoggedRequest request : CallbackServer.received(path)) {
            Map<String, Object> body = CallbackServer.body(request);
            byId.put((String) body.get("id"), body);
        }
        assertThat(byId).containsOnlyKeys(oldEmail.toString(), oldPendingSms.toString(), oldSendingSms.toString());
        assertThat(byId.values()).allSatisfy(body -> {
            assertThat(body).containsEntry("status", "temporary-failure");
            assertThat(body.get("completed_at")).isEqualTo(NotifyTime.toWire(updatedAt(UUID.fromString((String) body.get("id")))));
        });
        assertThat(byId.get(oldPendingSms.toString())).containsEntry("notification_type", "sms")
                .containsEntry("created_at", NotifyTime.toWire(fourDaysAgo));

        assertThat(producer.requestBody("direct:timeout-sending-notifications", null, Integer.class)).isZero();
    }

    @Test
    void runsNightlyAtFivePastMidnightLondonTime() throws Exception {
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("timeout-sending-notifications", "notify"));

        assertThat(trigger).isInstanceOfSatisfying(CronTrigger.class, cron -> {
            assertThat(cron.getCronExpression()).isEqualTo("0 5 0 * * ?");
            assertThat(cron.getTimeZone().getID()).isEqualTo("Europe/London");
        });
    }

    private UUID insert(TestService service, String type, String status, LocalDateTime createdAt, String sentBy) {
        UUID id = UUID.randomUUID();
        UUID template = switch (type) {
            case "email" -> service.emailTemplate();
            case "sms" -> service.smsTemplate();
            default -> service.letterTemplate();
        };
        jdbc.sql("""
                        INSERT INTO notifications (id, "to", service_id, template_id, template_version, key_type,
                                                   notification_type, created_at, sent_at, sent_by, updated_at,
                                                   notification_status)
                        VALUES (:id, :to, :service, :template, 1, 'normal', :type, :createdAt, :sentAt, :sentBy,
                                :sentAt, :status)""")
                .param("id", id)
                .param("to", type.equals("email") ? "old@example.com" : "07700900999")
                .param("service", service.id())
                .param("template", template)
                .param("type", type)
                .param("createdAt", createdAt)
                .param("sentAt", createdAt.plusMinutes(1))
                .param("sentBy", sentBy)
                .param("status", status)
                .update();
        return id;
    }

    private static LocalDateTime now() {
        // The database keeps microseconds.
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    private LocalDateTime updatedAt(UUID id) {
        return jdbc.sql("SELECT updated_at FROM notifications WHERE id = :id").param("id", id)
                .query(LocalDateTime.class).single();
    }
}
