package org.notifyhub.receipts.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One SES event notification.
 *
 * @param messageId           {@code mail.messageId}: the SES message id we stored as the notification reference
 * @param notificationType    {@code Delivery}, {@code Bounce}, {@code Complaint}, ...
 * @param bounceType          {@code bounce.bounceType} for bounces ({@code Permanent}, {@code Transient}, ...), else null
 * @param complaintFeedbackId {@code complaint.feedbackId} for complaints, else null
 * @param complaintType       {@code complaint.complaintFeedbackType} for complaints (often absent), else null
 * @param timestamp           when the event happened (delivery, bounce or complaint time); null if SES gave none
 * @param recipients          the addresses the event is about
 * @param sentAt              {@code mail.timestamp}: when the email was sent; null if absent
 * @param notificationId      {@code mail.tags.notification_id}: the notification the hub tagged the email with; null
 *                            if absent (an email sent before the tag, or events without tags)
 */
public record SesReceipt(String messageId, String notificationType, String bounceType, String complaintFeedbackId,
        String complaintType, Instant timestamp, List<String> recipients, Instant sentAt, UUID notificationId) {

    public SesReceipt {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    public SesReceipt(String messageId, String notificationType, String bounceType, String complaintFeedbackId,
                      String complaintType, Instant timestamp, List<String> recipients, Instant sentAt) {
        this(messageId, notificationType, bounceType, complaintFeedbackId, complaintType, timestamp, recipients, sentAt, null);
    }

    /** Leaves the recipients' addresses out so that logging a receipt never logs personal data. */
    @Override
    public String toString() {
        return "SesReceipt[messageId=" + messageId + ", notificationType=" + notificationType
                + ", bounceType=" + bounceType + ", complaintFeedbackId=" + complaintFeedbackId
                + ", complaintType=" + complaintType + ", timestamp=" + timestamp
                + ", recipients=" + recipients.size() + " redacted, sentAt=" + sentAt + ", notificationId=" + notificationId + "]";
    }
}
