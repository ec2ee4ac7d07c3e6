package org.notifyhub.receipts;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.receipts.mapping.ReceiptStatusMappings;
import org.notifyhub.receipts.mapping.SmsReceipt;
import org.notifyhub.receipts.mapping.UnknownReceiptStatusException;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** process-sms-client-response: a Firetext or MMG receipt becomes a status change, as mappings/*.yaml say. */
@Component
public class SmsReceiptService {

    private static final Logger log = LoggerFactory.getLogger(SmsReceiptService.class);

    private final ReceiptStatusMappings mappings;
    private final NotificationRepository notifications;
    private final Clock clock;
    private final ServiceCallbacks callbacks;

    public SmsReceiptService(ReceiptStatusMappings mappings, NotificationRepository notifications, Clock clock,
                             ServiceCallbacks callbacks) {
        this.mappings = mappings;
        this.notifications = notifications;
        this.clock = clock;
        this.callbacks = callbacks;
    }

    /** Returns the updated notification, or empty when the receipt was late, a duplicate or for no notification. */
    public Optional<NotificationRow> process(@Body SmsReceipt receipt) {
        UUID id;
        try {
            id = UUID.fromString(receipt.reference());
        } catch (IllegalArgumentException e) {
            log.warn("{} receipt with reference {} ignored: not a notification id", receipt.provider(), receipt.reference());
            return Optional.empty();
        }
        Optional<NotificationRow> current = notifications.find(id);
        if (current.isEmpty()) {
            log.warn("{} receipt for unknown notification {} ignored", receipt.provider(), id);
            return Optional.empty();
        }
        NotificationStatus status = map(receipt, current.get().status());
        Optional<NotificationRow> updated = notifications.updateStatus(id, status, updatable(receipt.provider()),
                LocalDateTime.now(clock));
        updated.ifPresent(row -> callbacks.afterReceipt(receipt.provider(), row));
        if (updated.isEmpty()) {
            log.info("{} receipt {} for notification {} ignored: it is already {}", receipt.provider(), receipt.status(), id,
                    current.get().status());
        }
        return updated;
    }

    private NotificationStatus map(SmsReceipt receipt, NotificationStatus current) {
        try {
            return "mmg".equals(receipt.provider())
                    ? mappings.mmg(receipt.status(), receipt.detailedCode()).status()
                    : mappings.firetext(receipt.status(), receipt.detailedCode(), current).status();
        } catch (UnknownReceiptStatusException e) {
            log.error(e.getMessage());
            return e.fallbackStatus().orElse(NotificationStatus.TECHNICAL_FAILURE);
        }
    }

    private Set<NotificationStatus> updatable(String provider) {
        return Arrays.stream(NotificationStatus.values())
                .filter(status -> mappings.mayUpdate(provider, status))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationStatus.class)));
    }
}
