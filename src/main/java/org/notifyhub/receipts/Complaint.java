package org.notifyhub.receipts;

import java.time.LocalDateTime;
import java.util.UUID;

/** A recipient's complaint about an email, as SES reported it; {@code sesFeedbackId} makes a duplicate report a no-op. */
public record Complaint(
        UUID id,
        UUID notificationId,
        UUID serviceId,
        String sesFeedbackId,
        String complaintType,
        LocalDateTime complaintDate,
        LocalDateTime createdAt) {
}
