package org.notifyhub.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.springframework.stereotype.Component;

/**
 * SES events as Amazon would publish them through SNS, for the simulated provider and test keys. The simulator
 * addresses of Notify decide the outcome: temp-fail@simulator.notify soft-bounces, perm-fail@simulator.notify
 * hard-bounces, anything else is delivered.
 */
@Component
public class SimulatedSesEvents {

    static final String TEMPORARY_FAILURE_ADDRESS = "temp-fail@simulator.notify";
    static final String PERMANENT_FAILURE_ADDRESS = "perm-fail@simulator.notify";

    private final ObjectMapper mapper;
    private final Clock clock;

    public SimulatedSesEvents(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** As SES publishes it for a message sent with the notification_id tag (none when {@code notificationId} is null). */
    public String snsEnvelopeFor(String messageId, String source, String recipient, String notificationId) {
        String now = NotifyTime.toWire(clock.instant());
        ObjectNode event = mapper.createObjectNode();
        ObjectNode mail = event.putObject("mail");
        mail.put("timestamp", now);
        mail.put("messageId", messageId);
        mail.put("source", source);
        mail.putArray("destination").add(recipient);
        if (notificationId != null) {
            mail.putObject("tags").putArray(SesEmailProvider.NOTIFICATION_ID_TAG).add(notificationId);
        }
        String address = recipient.strip().toLowerCase();
        if (address.equals(TEMPORARY_FAILURE_ADDRESS) || address.equals(PERMANENT_FAILURE_ADDRESS)) {
            event.put("notificationType", "Bounce");
            ObjectNode bounce = event.putObject("bounce");
            bounce.put("bounceType", address.equals(PERMANENT_FAILURE_ADDRESS) ? "Permanent" : "Transient");
            bounce.put("bounceSubType", "General");
            bounce.put("timestamp", now);
            bounce.putArray("bouncedRecipients").addObject().put("emailAddress", recipient);
        } else {
            event.put("notificationType", "Delivery");
            ObjectNode delivery = event.putObject("delivery");
            delivery.put("timestamp", now);
            delivery.putArray("recipients").add(recipient);
            delivery.put("smtpResponse", "250 2.6.0 Message received");
        }
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("TopicArn", "arn:aws:sns:eu-west-2:000000000000:notify-hub-ses-simulator");
        envelope.put("Timestamp", now);
        try {
            envelope.put("Message", mapper.writeValueAsString(event));
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
