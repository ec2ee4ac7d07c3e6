package org.notifyhub.receipts.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads an SES event notification, either wrapped in an SNS envelope
 * ({@code {"Type":"Notification","Message":"<SES event JSON as a string>"}}) or bare.
 */
public final class SesNotificationParser {

    private static final String FAILED = SesMapping.CLIENT + " callback failed: ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTIFICATION_ID_TAG = "notification_id";

    /**
     * @throws InvalidReceiptException when the body is not JSON, is an SNS message other than a
     *                                 Notification, or lacks the notificationType or mail.messageId
     */
    public SesReceipt parse(String snsEnvelopeJson) {
        JsonNode event = unwrap(readObject(snsEnvelopeJson, "body"));
        List<String> errors = new ArrayList<>();
        // Configuration-set event publishing names the field eventType instead of notificationType.
        String type = firstText(event.path("notificationType"), event.path("eventType"));
        String messageId = text(event.path("mail").path("messageId"));
        if (type == null) {
            errors.add(FAILED + "notificationType missing");
        }
        if (messageId == null) {
            errors.add(FAILED + "mail.messageId missing");
        }
        JsonNode bounce = event.path("bounce");
        String bounceType = text(bounce.path("bounceType"));
        if ("Bounce".equals(type) && bounceType == null) {
            errors.add(FAILED + "bounce.bounceType missing");
        }
        if (!errors.isEmpty()) {
            throw new InvalidReceiptException(errors);
        }
        JsonNode complaint = event.path("complaint");
        JsonNode detail = detail(event, type);
        Instant sentAt = instant(event.path("mail").path("timestamp"), "mail.timestamp");
        Instant timestamp = instant(detail.path("timestamp"), "timestamp");
        return new SesReceipt(messageId, type, bounceType,
                text(complaint.path("feedbackId")), text(complaint.path("complaintFeedbackType")),
                timestamp != null ? timestamp : sentAt, recipients(event, detail), sentAt, taggedNotification(event));
    }

    /** The notification id the hub tagged the email with (mail.tags.notification_id), when it is one. */
    private static UUID taggedNotification(JsonNode event) {
        String tag = text(event.path("mail").path("tags").path(NOTIFICATION_ID_TAG).path(0));
        try {
            return tag == null ? null : UUID.fromString(tag);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode unwrap(JsonNode root) {
        if (!root.has("Type")) {
            return root;
        }
        String snsType = root.path("Type").asText();
        if (!"Notification".equals(snsType)) {
            throw invalid("SNS message type " + snsType + " is not a Notification");
        }
        JsonNode message = root.path("Message");
        if (message.isObject()) {
            return message;
        }
        if (!message.isTextual()) {
            throw invalid("SNS Message missing");
        }
        return readObject(message.asText(), "SNS Message");
    }

    /** The part of the event named after its type: {@code delivery}, {@code bounce}, {@code complaint}. */
    private static JsonNode detail(JsonNode event, String type) {
        return event.path(Character.toLowerCase(type.charAt(0)) + type.substring(1));
    }

    private static List<String> recipients(JsonNode event, JsonNode detail) {
        List<String> addresses = new ArrayList<>();
        // delivery.recipients holds strings; bouncedRecipients/complainedRecipients hold {emailAddress}.
        for (String field : List.of("recipients", "bouncedRecipients", "complainedRecipients")) {
            for (JsonNode recipient : detail.path(field)) {
                String address = recipient.isTextual() ? recipient.asText() : text(recipient.path("emailAddress"));
                if (address != null) {
                    addresses.add(address);
                }
            }
        }
        if (addresses.isEmpty()) {
            event.path("mail").path("destination").forEach(address -> addresses.add(address.asText()));
        }
        return addresses;
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field + " " + text + " is not an ISO-8601 timestamp");
        }
    }

    private static JsonNode readObject(String json, String what) {
        try {
            JsonNode node = json == null ? null : JSON.readTree(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below, like any other text that is not a JSON object
        }
        throw invalid(what + " is not a JSON object");
    }

    private static String firstText(JsonNode first, JsonNode second) {
        String text = text(first);
        return text != null ? text : text(second);
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static InvalidReceiptException invalid(String message) {
        return new InvalidReceiptException(List.of(FAILED + message));
    }
}
