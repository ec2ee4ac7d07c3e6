package org.notifyhub.receipts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.queues.ReceivedBatch;
import org.notifyhub.receipts.mapping.ReceiptOutcome;
import org.notifyhub.receipts.mapping.ReceiptStatusMappings;
import org.notifyhub.receipts.mapping.SesNotificationParser;
import org.notifyhub.receipts.mapping.SesReceipt;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** process-ses-result: SES events (in their SNS envelopes) become status changes, as mappings/ses.yaml says. */
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
    private final Outbox outbox;
    private final String receiptQueue;
    private final int retryDelaySeconds;

    public SesReceiptService(SesNotificationParser parser, ReceiptStatusMappings mappings,
                             NotificationRepository notifications, Clock clock,
                             @Value("${notify.ses.receipt-retry-window-minutes}") long retryWindowMinutes,
                             ComplaintService complaints, ServiceCallbacks callbacks, Outbox outbox, QueueNames queues,
                             @Value("${notify.ses.receipt-retry-delay-seconds}") int retryDelaySeconds) {
        this.parser = parser;
        this.mappings = mappings;
        this.notifications = notifications;
        this.clock = clock;
        this.retryWindow = Duration.ofMinutes(retryWindowMinutes);
        this.complaints = complaints;
        this.callbacks = callbacks;
        this.outbox = outbox;
        this.receiptQueue = queues.sesCallbacks();
        this.retryDelaySeconds = retryDelaySeconds;
        this.updatable = Arrays.stream(NotificationStatus.values())
                .filter(status -> mappings.mayUpdate("ses", status))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationStatus.class)));
    }

    /**
     * Applies a poll's SES events together: each status a batch of them sets is one guarded UPDATE, and their
     * delivery-status callbacks are queued in batches. An event that overtook the write of the message id it refers to
     * goes back on the queue after a short delay, for a few minutes at most. Returns the batch to delete: all of it but
     * the messages that could not be read, which stay on the queue to come back, as a failed message always did.
     */
    public ReceivedBatch processAll(@Body ReceivedBatch batch) {
        Set<Integer> unreadable = new HashSet<>();
        List<Event> updates = new ArrayList<>();
        for (int i = 0; i < batch.messages().size(); i++) {
            String envelope = batch.messages().get(i).body();
            try {
                SesReceipt receipt = parser.parse(envelope);
                if (mappings.ses(receipt) instanceof ReceiptOutcome.StatusUpdate update) {
                    updates.add(new Event(envelope, receipt, update.status()));
                } else {
                    complaints.record(receipt);
                }
            } catch (RuntimeException e) {
                log.error("An SES event on {} could not be read; it stays on the queue: {}", batch.queue(), e.toString());
                unreadable.add(i);
            }
        }
        apply(updates);
        return batch.without(unreadable);
    }

    private void apply(List<Event> events) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<NotificationRow> changed = new ArrayList<>();
        List<Event> unmatchedById = new ArrayList<>();
        for (List<Event> round : ReceiptRounds.of(events, event -> event.receipt().messageId())) {
            Map<NotificationStatus, List<Event>> byStatus = round.stream()
                    .collect(Collectors.groupingBy(Event::status, LinkedHashMap::new, Collectors.toList()));
            byStatus.forEach((status, same) -> {
                List<NotificationRow> rows = notifications.updateStatusesByReference(
                        same.stream().map(event -> event.receipt().messageId()).toList(), status, updatable, now);
                changed.addAll(rows);
                Set<String> updated = rows.stream().map(NotificationRow::reference).collect(Collectors.toSet());
                same.stream().filter(event -> !updated.contains(event.receipt().messageId())).forEach(unmatchedById::add);
            });
        }
        List<Event> unmatched = matchByTaggedNotification(unmatchedById, changed, now);
        callbacks.afterReceipts("ses", changed);
        Set<String> known = notifications.existingReferences(
                unmatched.stream().map(event -> event.receipt().messageId()).toList());
        for (Event event : unmatched) {
            if (!known.contains(event.receipt().messageId()) && isRecent(event.receipt())) {
                outbox.sendText(receiptQueue, event.envelope(), retryDelaySeconds);
            } else {
                log.info("SES {} for message {} ignored: no notification is waiting for it",
                        event.receipt().notificationType(), event.receipt().messageId());
            }
        }
    }

    /**
     * Events whose message id no notification carries, matched by the notification id the email was tagged with: the
     * id of a send whose answer was lost, then sent again under a new message id, or of one whose id is not yet
     * written. Returns the events still unmatched.
     */
    private List<Event> matchByTaggedNotification(List<Event> unmatched, List<NotificationRow> changed, LocalDateTime now) {
        List<Event> tagged = unmatched.stream().filter(event -> event.receipt().notificationId() != null).toList();
        if (tagged.isEmpty()) {
            return unmatched;
        }
        Set<UUID> updated = new HashSet<>();
        tagged.stream().collect(Collectors.groupingBy(Event::status, LinkedHashMap::new, Collectors.toList()))
                .forEach((status, same) -> {
                    List<NotificationRow> rows = notifications.updateStatuses(
                            same.stream().map(event -> event.receipt().notificationId()).toList(), status, updatable, now);
                    changed.addAll(rows);
                    rows.forEach(row -> updated.add(row.id()));
                });
        return unmatched.stream().filter(event -> !updated.contains(event.receipt().notificationId())).toList();
    }

    private boolean isRecent(SesReceipt receipt) {
        return receipt.sentAt() != null && receipt.sentAt().isAfter(clock.instant().minus(retryWindow));
    }

    private record Event(String envelope, SesReceipt receipt, NotificationStatus status) {
    }
}
