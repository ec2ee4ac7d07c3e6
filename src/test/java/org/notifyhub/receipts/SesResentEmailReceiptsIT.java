package org.notifyhub.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;

/**
 * An email whose first SES call went unanswered was sent again under a new message id: SES's late event for the first
 * send (whose message id the hub never learnt) still finds the notification, by the notification id it was tagged with.
 */
class SesResentEmailReceiptsIT extends HubIntegrationTest {

    /** Unmatched events this old are dropped, not retried (they would be for an email sent moments ago). */
    private static final Instant LONG_AGO = Instant.parse("2024-05-01T10:00:00Z");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ProducerTemplate producer;

    @Value("${notify.queues.ses-callbacks}")
    private String sesQueue;

    @Test
    void aDeliveryForTheFirstSendsMessageIdDeliversTheResentEmail() throws Exception {
        TestService service = testServices.create(false, List.of("email", "sms"));
        String recipient = "resent-" + UUID.randomUUID() + "@example.com";
        UUID id = new NotificationClient(service.normalKey(), baseUrl())
                .sendEmail(service.emailTemplate().toString(), recipient, Map.of("name", "A"), null).getNotificationId();
        await().atMost(Duration.ofSeconds(15)).until(() -> "delivered".equals(status(id)));
        // As after a resend: sending, under the second send's message id.
        jdbc.sql("UPDATE notifications SET notification_status = 'sending', reference = :ref WHERE id = :id")
                .param("ref", "second-send-" + UUID.randomUUID()).param("id", id).update();

        producer.sendBody("aws2-sqs://" + sesQueue + "?autoCreateQueue=true",
                deliveryEnvelope("first-send-" + UUID.randomUUID(), recipient, id.toString(), Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> "delivered".equals(status(id)));
    }

    @Test
    void anUntaggedEventForAnUnknownMessageIdChangesNothing() throws Exception {
        TestService service = testServices.create(false, List.of("email", "sms"));
        String recipient = "untagged-" + UUID.randomUUID() + "@example.com";
        UUID id = new NotificationClient(service.normalKey(), baseUrl())
                .sendEmail(service.emailTemplate().toString(), recipient, Map.of("name", "A"), null).getNotificationId();
        await().atMost(Duration.ofSeconds(15)).until(() -> "delivered".equals(status(id)));
        jdbc.sql("UPDATE notifications SET notification_status = 'sending', reference = :ref WHERE id = :id")
                .param("ref", "second-send-" + UUID.randomUUID()).param("id", id).update();
        UUID other = UUID.randomUUID();

        producer.sendBody("aws2-sqs://" + sesQueue + "?autoCreateQueue=true",
                deliveryEnvelope("first-send-" + UUID.randomUUID(), recipient, "not-a-uuid", LONG_AGO));
        producer.sendBody("aws2-sqs://" + sesQueue + "?autoCreateQueue=true",
                deliveryEnvelope("first-send-" + UUID.randomUUID(), recipient, other.toString(), LONG_AGO));
        // A tagged event for this notification after them shows they have been read.
        String later = "tagged-" + UUID.randomUUID();
        producer.sendBody("aws2-sqs://" + sesQueue + "?autoCreateQueue=true", bounceEnvelope(later, recipient, id.toString()));

        await().atMost(Duration.ofSeconds(15)).until(() -> !"sending".equals(status(id)));
        assertThat(status(id)).isEqualTo("permanent-failure");
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE id = :id").param("id", other).query(Integer.class).single())
                .isZero();
    }

    private String deliveryEnvelope(String messageId, String recipient, String notificationTag, Instant sentAt)
            throws Exception {
        ObjectNode event = event("Delivery", messageId, recipient, notificationTag, sentAt);
        ObjectNode delivery = event.putObject("delivery");
        delivery.put("timestamp", Instant.now().toString());
        delivery.putArray("recipients").add(recipient);
        return envelope(event);
    }

    private String bounceEnvelope(String messageId, String recipient, String notificationTag) throws Exception {
        ObjectNode event = event("Bounce", messageId, recipient, notificationTag, Instant.now());
        ObjectNode bounce = event.putObject("bounce");
        bounce.put("bounceType", "Permanent");
        bounce.put("bounceSubType", "General");
        bounce.put("timestamp", Instant.now().toString());
        bounce.putArray("bouncedRecipients").addObject().put("emailAddress", recipient);
        return envelope(event);
    }

    /** An SES event as configuration-set event publishing shapes it, the hub's notification id among its tags. */
    private ObjectNode event(String type, String messageId, String recipient, String notificationTag, Instant sentAt) {
        ObjectNode event = mapper.createObjectNode();
        event.put("eventType", type);
        ObjectNode mail = event.putObject("mail");
        mail.put("timestamp", sentAt.toString());
        mail.put("messageId", messageId);
        mail.put("source", "test@notifications.service.gov.uk");
        mail.putArray("destination").add(recipient);
        mail.putObject("tags").putArray("notification_id").add(notificationTag);
        return event;
    }

    private String envelope(ObjectNode event) throws Exception {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("Message", mapper.writeValueAsString(event));
        return mapper.writeValueAsString(envelope);
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id").param("id", id)
                .query(String.class).single();
    }
}
