package org.notifyhub.receipts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.receipts.mapping.ReceiptOutcome;
import org.notifyhub.receipts.mapping.ReceiptStatusMappings;
import org.notifyhub.receipts.mapping.SesNotificationParser;
import org.notifyhub.receipts.mapping.SesReceipt;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** process-ses-result: an SES event (in its SNS envelope) becomes a status change, as mappings/ses.yaml says. */
@Component
public class SesReceiptService {

    private static final Logger log = LoggerFactory.getLogger(SesReceiptService.class);

    private final SesNotificationParser parser;
    private final ReceiptStatusMappings mappings;
    private final NotificationRepository notifications;
    private final Clock clock;
    private final Duration retryWindow;
    private final Set<NotificationStatus> updatable;
    private final ComplaintService complaints;
    private final ServiceCallbacks callbacks;
    private final String receiptQueue;
    private final int retryDelaySeconds;

    public SesReceiptService(SesNotificationParser parser, ReceiptStatusMappings mappings,
                             NotificationRepository notifications, Clock clock,
                             @Value("${notify.ses.receipt-retry-window-minutes}") long retryWindowMinutes,
                             ComplaintService complaints, ServiceCallbacks callbacks, QueueNames queues,
                             @Value("${notify.ses.receipt-retry-delay-seconds}") int retryDelaySeconds) {
        this.parser = parser;
        this.mappings = mappings;
        this.notifications = notifications;
        this.clock = clock;
        this.retryWindow = Duration.ofMinutes(retryWindowMinutes);
        this.complaints = complaints;
        this.callbacks = callbacks;
        this.receiptQueue = queues.sesCallbacks();
        this.retryDelaySeconds = retryDelaySeconds;
        this.updatable = Arrays.stream(NotificationStatus.values())
                .filter(status -> mappings.mayUpdate("ses", status))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationStatus.class)));
    }

    /**
     * Applies the receipt. Returns null once it is applied or ignored, or the receipt itself, to be queued again after
     * a short delay, when it overtook the write of the message id it refers to.
     */
    public Outgoing process(@Body String snsEnvelope) {
        SesReceipt receipt = parser.parse(snsEnvelope);
        ReceiptOutcome outcome = mappings.ses(receipt);
        if (!(outcome instanceof ReceiptOutcome.StatusUpdate update)) {
            complaints.record(receipt);
            return null;
        }
        Optional<NotificationRow> updated = notifications.updateStatusByReference(receipt.messageId(), update.status(),
                updatable, LocalDateTime.now(clock));
        if (updated.isPresent()) {
            callbacks.afterReceipt("ses", updated.get());
            return null;
        }
        if (!notifications.existsWithReference(receipt.messageId()) && isRecent(receipt)) {
            return new Outgoing(receiptQueue, snsEnvelope, retryDelaySeconds);
        }
        log.info("SES {} for message {} ignored: no notification is waiting for it", receipt.notificationType(),
                receipt.messageId());
        return null;
    }

    private boolean isRecent(SesReceipt receipt) {
        return receipt.sentAt() != null && receipt.sentAt().isAfter(clock.instant().minus(retryWindow));
    }
}
