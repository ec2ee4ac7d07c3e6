package org.notifyhub.receipts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.queues.ReceivedBatch;
import org.notifyhub.receipts.mapping.ReceiptStatusMappings;
import org.notifyhub.receipts.mapping.SmsReceipt;
import org.notifyhub.receipts.mapping.UnknownReceiptStatusException;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** process-sms-client-response: Firetext and MMG receipts become status changes, as mappings/*.yaml say. */
@Component
public class SmsReceiptService {

    private static final Logger log = LoggerFactory.getLogger(SmsReceiptService.class);

    private final ReceiptStatusMappings mappings;
    private final NotificationRepository notifications;
    private final Clock clock;
    private final ServiceCallbacks callbacks;
    private final ObjectMapper mapper;

    public SmsReceiptService(ReceiptStatusMappings mappings, NotificationRepository notifications, Clock clock,
                             ServiceCallbacks callbacks, ObjectMapper mapper) {
        this.mappings = mappings;
        this.notifications = notifications;
        this.clock = clock;
        this.callbacks = callbacks;
        this.mapper = mapper;
    }

    /**
     * Applies a poll's Firetext and MMG receipts together: the notifications are read in one statement, and each
     * status a batch of receipts sets is one guarded UPDATE; their delivery-status callbacks are queued in batches.
     * Returns the batch to delete: all of it but the messages that could not be read, which stay on the queue to
     * come back, as a failed message always did. A receipt for no notification, or too late to change one, is logged
     * and dropped, as Notify does.
     */
    public ReceivedBatch processAll(@Body ReceivedBatch batch) {
        Set<Integer> unreadable = new HashSet<>();
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < batch.messages().size(); i++) {
            SmsReceipt receipt;
            try {
                receipt = mapper.readValue(batch.messages().get(i).body(), SmsReceipt.class);
            } catch (JsonProcessingException | RuntimeException e) {
                log.error("A text message receipt on {} could not be read; it stays on the queue: {}", batch.queue(),
                        e.toString());
                unreadable.add(i);
                continue;
            }
            try {
                receipts.add(new Receipt(receipt, UUID.fromString(receipt.reference())));
            } catch (IllegalArgumentException e) {
                log.warn("{} receipt with reference {} ignored: not a notification id", receipt.provider(),
                        receipt.reference());
            }
        }
        apply(receipts);
        return batch.without(unreadable);
    }

    private void apply(List<Receipt> receipts) {
        Map<UUID, NotificationStatus> current = new HashMap<>();
        notifications.findAll(receipts.stream().map(Receipt::id).distinct().toList())
                .forEach(row -> current.put(row.id(), row.status()));
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, List<NotificationRow>> changed = new LinkedHashMap<>();
        for (List<Receipt> round : ReceiptRounds.of(receipts, Receipt::id)) {
            Map<Change, List<UUID>> changes = new LinkedHashMap<>();
            for (Receipt receipt : round) {
                NotificationStatus status = current.get(receipt.id());
                if (status == null) {
                    log.warn("{} receipt for unknown notification {} ignored", receipt.receipt().provider(), receipt.id());
                    continue;
                }
                changes.computeIfAbsent(new Change(receipt.receipt().provider(), map(receipt.receipt(), status)),
                        change -> new ArrayList<>()).add(receipt.id());
            }
            changes.forEach((change, ids) -> {
                List<NotificationRow> rows = notifications.updateStatuses(ids, change.status(),
                        updatable(change.provider()), now);
                rows.forEach(row -> current.put(row.id(), row.status()));
                changed.computeIfAbsent(change.provider(), provider -> new ArrayList<>()).addAll(rows);
                if (rows.size() < ids.size()) {
                    Set<UUID> updated = rows.stream().map(NotificationRow::id).collect(Collectors.toSet());
                    ids.stream().filter(id -> !updated.contains(id)).forEach(id -> log.info(
                            "{} receipt ({}) for notification {} ignored: it is already {}", change.provider(),
                            change.status().wireName(), id, current.get(id)));
                }
            });
        }
        changed.forEach(callbacks::afterReceipts);
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

    private record Receipt(SmsReceipt receipt, UUID id) {
    }

    private record Change(String provider, NotificationStatus status) {
    }
}
