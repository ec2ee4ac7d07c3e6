package org.notifyhub.receipts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SesNotificationParserTest {

    private final SesNotificationParser parser = new SesNotificationParser();

    @Test
    void readsADeliveryFromAnSnsEnvelope() {
        assertThat(parser.parse(Fixtures.text("ses/delivery.json"))).isEqualTo(new SesReceipt(
                "0102018e0c6a1f2b-5d1f9a44-0c1e-4b8a-9d6e-7a1c2b3d4e5f-000000", "Delivery", null, null, null,
                Instant.parse("2024-03-05T14:03:21.934Z"), List.of("jane.doe@example.com"),
                Instant.parse("2024-03-05T14:03:20.512Z")));
    }

    @Test
    void readsABareSesEventTheSameWay() {
        assertThat(parser.parse(Fixtures.text("ses/delivery-bare.json")))
                .isEqualTo(parser.parse(Fixtures.text("ses/delivery.json")));
    }

    @Test
    void readsAPermanentBounce() {
        assertThat(parser.parse(Fixtures.text("ses/bounce-permanent.json"))).isEqualTo(new SesReceipt(
                "0102018e0ca7b001-7c9d2e11-4a6b-4f0e-8c3d-1b2a3c4d5e6f-000000", "Bounce", "Permanent", null, null,
                Instant.parse("2024-03-05T15:10:03.250Z"), List.of("no.such.person@example.com"),
                Instant.parse("2024-03-05T15:10:02.118Z")));
    }

    @Test
    void readsATransientBounce() {
        SesReceipt receipt = parser.parse(Fixtures.text("ses/bounce-transient.json"));

        assertThat(receipt.bounceType()).isEqualTo("Transient");
        assertThat(receipt.recipients()).containsExactly("full.inbox@example.com");
    }

    @Test
    void readsAComplaint() {
        assertThat(parser.parse(Fixtures.text("ses/complaint.json"))).isEqualTo(new SesReceipt(
                "0102018e10a1c2d3-4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8-000000", "Complaint", null,
                "0102018e10b5d9e2-3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f-000000", "abuse",
                Instant.parse("2024-03-06T09:21:44Z"), List.of("annoyed.reader@example.com"),
                Instant.parse("2024-03-06T08:55:12.640Z")));
    }

    @Test
    void aComplaintMayLackItsType() {
        SesReceipt receipt = parser.parse(Fixtures.text("ses/complaint-without-type.json"));

        assertThat(receipt.complaintType()).isNull();
        assertThat(receipt.complaintFeedbackId()).isEqualTo("0102018e10b5d9e2-3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f-000000");
    }

    @Test
    void acceptsTheMessageAsAnObjectAndAcceptsEventType() {
        String envelope = """
                {"Type":"Notification","Message":{"eventType":"Delivery",
                 "mail":{"messageId":"ref-1","timestamp":"2024-03-05T14:03:20+00:00","destination":["a@example.com"]},
                 "delivery":{"timestamp":"2024-03-05T14:03:21.123456Z"}}}
                """;

        assertThat(parser.parse(envelope)).isEqualTo(new SesReceipt("ref-1", "Delivery", null, null, null,
                Instant.parse("2024-03-05T14:03:21.123456Z"), List.of("a@example.com"),
                Instant.parse("2024-03-05T14:03:20Z")));
    }

    @Test
    void withoutAnEventTimestampTheSendTimeIsUsed() {
        String event = """
                {"notificationType":"Delivery","mail":{"messageId":"ref-1","timestamp":"2024-03-05T14:03:20Z"}}
                """;

        SesReceipt receipt = parser.parse(event);

        assertThat(receipt.timestamp()).isEqualTo(Instant.parse("2024-03-05T14:03:20Z"));
        assertThat(receipt.recipients()).isEmpty();
    }

    @Test
    void aMissingMessageId() {
        assertThatThrownBy(() -> parser.parse(Fixtures.text("ses/missing-message-id.json")))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("SES callback failed: mail.messageId missing"));
    }

    @Test
    void aMissingNotificationTypeAndMessageId() {
        assertThatThrownBy(() -> parser.parse("{\"mail\":{}}"))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages()).containsExactly(
                        "SES callback failed: notificationType missing", "SES callback failed: mail.messageId missing"));
    }

    @Test
    void aBounceWithoutBounceType() {
        assertThatThrownBy(() -> parser.parse("{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"ref-1\"},\"bounce\":{}}"))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("SES callback failed: bounce.bounceType missing"));
    }

    @Test
    void anSnsSubscriptionConfirmationIsNotAReceipt() {
        assertThatThrownBy(() -> parser.parse(Fixtures.text("ses/subscription-confirmation.json")))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("SES callback failed: SNS message type SubscriptionConfirmation is not a Notification"));
    }

    @Test
    void anEnvelopeWithoutMessage() {
        assertThatThrownBy(() -> parser.parse("{\"Type\":\"Notification\"}"))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("SES callback failed: SNS Message missing"));
    }

    @Test
    void anEnvelopeWhoseMessageIsNotJson() {
        assertThatThrownBy(() -> parser.parse("{\"Type\":\"Notification\",\"Message\":\"hello\"}"))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("SES callback failed: SNS Message is not a JSON object"));
    }

    @Test
    void aBodyThatIsNotJson() {
        assertThatThrownBy(() -> parser.parse("<xml/>"))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("SES callback failed: body is not a JSON object"));
    }

    @Test
    void aTimestampThatIsNotIso8601() {
        String event = """
                {"notificationType":"Delivery","mail":{"messageId":"ref-1"},"delivery":{"timestamp":"05/03/2024 14:03"}}
                """;

        assertThatThrownBy(() -> parser.parse(event))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("SES callback failed: timestamp 05/03/2024 14:03 is not an ISO-8601 timestamp"));
    }

    @Test
    void loggingAReceiptDoesNotLogAddresses() {
        SesReceipt receipt = parser.parse(Fixtures.text("ses/bounce-permanent.json"));

        assertThat(receipt.toString())
                .doesNotContain("no.such.person@example.com")
                .contains("messageId=0102018e0ca7b001", "recipients=1 redacted");
    }
}
