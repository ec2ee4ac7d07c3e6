package org.notifyhub.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.Encryption;
import org.notifyhub.servicecallbacks.CallbackServer;
import org.notifyhub.services.CallbackType;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;

/** An SES complaint is stored once however often SES reports it, and posted once to the service's complaint callback. */
class ComplaintsIT extends HubIntegrationTest {

    private static final String COMPLAINED_AT = "2024-03-06T09:21:44.000Z";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Encryption encryption;

    @Autowired
    private ProducerTemplate producer;

    @Autowired
    private CamelContext camel;

    @Value("${notify.queues.ses-callbacks}")
    private String sesQueue;

    @Test
    void aComplaintReportedTwiceIsStoredOnceAndPostedOnce() throws Exception {
        TestService service = testServices.create(false, List.of("email", "sms", "letter"));
        String path = CallbackServer.answering(200);
        String token = "complaints-" + UUID.randomUUID();
        CallbackServer.configure(jdbc, encryption, service.id(), CallbackType.COMPLAINT, CallbackServer.url(path), token);
        String recipient = "annoyed-" + UUID.randomUUID() + "@example.com";
        String id = new NotificationClient(service.normalKey(), baseUrl())
                .sendEmail(service.emailTemplate().toString(), recipient, Map.of("name", "A"), "client-ref")
                .getNotificationId().toString();
        await().atMost(Duration.ofSeconds(15)).until(() -> "delivered".equals(column(id, "notification_status")));
        String feedbackId = "0102018e10b5d9e2-" + UUID.randomUUID() + "-000000";
        String complaint = complaintEnvelope(column(id, "reference"), recipient, feedbackId);

        long failedBefore = receiptRoute().getExchangesFailed();
        producer.sendBody("aws2-sqs://" + sesQueue + "?autoCreateQueue=true", complaint);
        producer.sendBody("aws2-sqs://" + sesQueue + "?autoCreateQueue=true", complaint);

        await().atMost(Duration.ofSeconds(15)).until(() -> CallbackServer.received(path).size() >= 1);
        Thread.sleep(2500);
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT id, service_id, ses_feedback_id, complaint_type, complaint_date
                        FROM complaints WHERE notification_id = :id::uuid""")
                .param("id", id).query().listOfRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("service_id")).isEqualTo(service.id());
        assertThat(row.get("ses_feedback_id")).isEqualTo(feedbackId);
        assertThat(row.get("complaint_type")).isEqualTo("abuse");
        assertThat(row.get("complaint_date").toString()).isEqualTo("2024-03-06 09:21:44.0");

        List<LoggedRequest> received = CallbackServer.received(path);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(CallbackServer.body(received.get(0))).isEqualTo(Map.of(
                "notification_id", id,
                "complaint_id", row.get("id").toString(),
                "reference", "client-ref",
                "to", recipient,
                "complaint_date", "2024-03-06T09:21:44.000000Z"));
        // The duplicate was a no-op, not a failure left for SQS to redeliver.
        assertThat(receiptRoute().getExchangesFailed()).isEqualTo(failedBefore);
        // A complaint changes no status.
        assertThat(column(id, "notification_status")).isEqualTo("delivered");
    }

    @Test
    void aComplaintAboutNoKnownEmailStoresNothing() throws Exception {
        String feedbackId = "unknown-" + UUID.randomUUID();
        producer.sendBody("aws2-sqs://" + sesQueue + "?autoCreateQueue=true",
                complaintEnvelope("0102-no-such-message-" + UUID.randomUUID(), "someone@example.com", feedbackId));

        Thread.sleep(3000);

        assertThat(jdbc.sql("SELECT count(*) FROM complaints WHERE ses_feedback_id = :f").param("f", feedbackId)
                .query(Integer.class).single()).isZero();
    }

    /** An SES complaint event in its SNS envelope, shaped as SimulatedSesEvents shapes deliveries and bounces. */
    private String complaintEnvelope(String messageId, String recipient, String feedbackId) throws Exception {
        ObjectNode event = mapper.createObjectNode();
        event.put("notificationType", "Complaint");
        ObjectNode mail = event.putObject("mail");
        mail.put("timestamp", "2024-03-06T08:55:12.640Z");
        mail.put("messageId", messageId);
        mail.put("source", "test@notifications.service.gov.uk");
        mail.putArray("destination").add(recipient);
        ObjectNode complaint = event.putObject("complaint");
        complaint.putArray("complainedRecipients").addObject().put("emailAddress", recipient);
        complaint.put("timestamp", COMPLAINED_AT);
        complaint.put("feedbackId", feedbackId);
        complaint.put("complaintFeedbackType", "abuse");
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("Message", mapper.writeValueAsString(event));
        return mapper.writeValueAsString(envelope);
    }

    private ManagedRouteMBean receiptRoute() {
        return camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class).getManagedRoute("process-ses-result");
    }

    private String column(String id, String column) {
        return jdbc.sql("SELECT " + column + " FROM notifications WHERE id = :id::uuid").param("id", id)
                .query(String.class).single();
    }
}
