package org.notifyhub.receipts.mapping;

import java.util.Objects;
import org.notifyhub.notifications.NotificationStatus;

/** What a provider receipt means for a notification. */
public sealed interface ReceiptOutcome {

    /**
     * The notification should move to {@code status}, provided its current status allows it
     * (see {@link ReceiptStatusMappings#mayUpdate}). {@code reason} is human text for the logs.
     */
    record StatusUpdate(NotificationStatus status, String reason) implements ReceiptOutcome {
        public StatusUpdate {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An SES complaint: store it and tell the service; the notification status does not change.
     * {@code complaintType} is SES's {@code complaintFeedbackType} (e.g. {@code abuse}) and may be null,
     * as SES often leaves it out.
     */
    record Complaint(String complaintType) implements ReceiptOutcome {
    }
}
