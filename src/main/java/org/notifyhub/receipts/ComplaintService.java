package org.notifyhub.receipts;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.receipts.mapping.SesReceipt;
import org.notifyhub.servicecallbacks.ComplaintCallback;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** An SES complaint: stored once per SES feedback id, then the service's complaint callback. No status changes. */
@Component
public class ComplaintService {

    private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);

    private final ComplaintRepository complaints;
    private final ServiceCallbacks callbacks;
    private final Clock clock;

    public ComplaintService(ComplaintRepository complaints, ServiceCallbacks callbacks, Clock clock) {
        this.complaints = complaints;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** Returns whether the complaint was new. */
    public boolean record(SesReceipt receipt) {
        Optional<ComplainedNotification> found = complaints.findNotification(receipt.messageId());
        if (found.isEmpty()) {
            log.warn("SES complaint for message {} ignored: no notification has that reference", receipt.messageId());
            return false;
        }
        ComplainedNotification notification = found.get();
        LocalDateTime complaintDate = receipt.timestamp() == null ? null : NotifyTime.toUtc(receipt.timestamp());
        Complaint complaint = new Complaint(UUID.randomUUID(), notification.id(), notification.serviceId(),
                receipt.complaintFeedbackId(), receipt.complaintType(), complaintDate, LocalDateTime.now(clock));
        if (!complaints.insert(complaint)) {
            log.info("SES complaint {} for notification {} already stored", receipt.complaintFeedbackId(), notification.id());
            return false;
        }
        log.info("SES complaint {} stored for notification {}", complaint.id(), notification.id());
        // Notify tells the service the address SES names; an email already in history has no other.
        String to = receipt.recipients().isEmpty() ? notification.to() : receipt.recipients().get(0);
        callbacks.queueComplaint(notification.serviceId(), new ComplaintCallback(notification.id().toString(),
                complaint.id().toString(), notification.clientReference(), to, NotifyTime.toWire(complaintDate)));
        return true;
    }
}
