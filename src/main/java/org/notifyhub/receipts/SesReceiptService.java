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

    /** What became of a receipt: applied or ignored, or to be tried again because its message id is not stored yet. */
    public enum Result { APPLIED, IGNORED, RETRY_LATER }

    private static final Logger log = LoggerFactory.getLogger(SesReceiptService.class);

    private final SesNotificationParser parser;
    private final ReceiptStatusMappings mappings;
    private final NotificationRepository notifications;
    private final Clock clock;
    private final Duration retryWindow;
    private final Set<NotificationStatus> updatable;
    private final ComplaintService complaints;
    private final ServiceCallbacks callbacks;

    public SesReceiptService(SesNotificationParser parser, ReceiptStatusMappings mappings,
                             NotificationRepository notifications, Clock clock,
                             @Value("${notify.ses.receipt-retry-window-minutes}") long retryWindowMinutes,
                             ComplaintService complaints, ServiceCallbacks callbacks) {
        this.parser = parser;
        this.mappings = mappings;
        this.notifications = notifications;
        this.clock = clock;
        this.retryWindow = Duration.ofMinutes(retryWindowMinutes);
        this.complaints = complaints;
        this.callbacks = callbacks;
        this.updatable = Arrays.stream(NotificationStatus.values())
                .filter(status -> mappings.mayUpdate("ses", status))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationStatus.class)));
    }

    public Result process(@Body String snsEnvelope) {
        SesReceipt receipt = parser.parse(snsEnvelope);
        ReceiptOutcome outcome = mappings.ses(receipt);
        if (!(outcome instanceof ReceiptOutcome.StatusUpdate update)) {
            return complaints.record(receipt) ? Result.APPLIED : Result.IGNORED;
        }
        Optional<NotificationRow> updated = notifications.updateStatusByReference(receipt.messageId(), update.status(),
                updatable, LocalDateTime.now(clock));
        if (updated.isPresent()) {
            callbacks.afterReceipt("ses", updated.get());
            return Result.APPLIED;
        }
        if (!notifications.existsWithReference(receipt.messageId()) && isRecent(receipt)) {
            return Result.RETRY_LATER;
        }
        log.info("SES {} for message {} ignored: no notification is waiting for it", receipt.notificationType(),
                receipt.messageId());
        return Result.IGNORED;
    }

    private boolean isRecent(SesReceipt receipt) {
        return receipt.sentAt() != null && receipt.sentAt().isAfter(clock.instant().minus(retryWindow));
    }
}
