package org.notifyhub.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.inbound.InboundSmsRepository;
import org.notifyhub.letters.LetterPdfStore;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * delete-notifications-older-than-retention and delete-inbound-sms: what a service keeps past its retention (its own
 * for the type, else {@value DataRetention#DEFAULT_DAYS} days, counted back from today's London midnight as Notify
 * counts them) leaves the hot table for notification_history, without recipient or personalisation; letters' files
 * are deleted from their buckets first, so a run cut short never leaves a file without its row. Works in batches of
 * short statements that hold no lock for long, resumes where a killed run stopped, and changes nothing when run twice.
 */
@Component
public class NotificationPurge {

    /** How many notifications left the hot table, per type, and how many received texts were deleted. */
    public record Purged(Map<NotificationType, Integer> notifications, int inboundSms) {
    }

    private static final Logger log = LoggerFactory.getLogger(NotificationPurge.class);

    private final NotificationRepository notifications;
    private final InboundSmsRepository inbound;
    private final DataRetentionRepository retention;
    private final LetterPdfStore letterPdfs;
    private final Clock clock;
    private final int batchSize;
    private final Duration pause;

    public NotificationPurge(NotificationRepository notifications, InboundSmsRepository inbound,
                             DataRetentionRepository retention, LetterPdfStore letterPdfs, Clock clock,
                             @Value("${notify.retention.batch-size:10000}") int batchSize,
                             @Value("${notify.retention.batch-pause:0ms}") Duration pause) {
        this.notifications = notifications;
        this.inbound = inbound;
        this.retention = retention;
        this.letterPdfs = letterPdfs;
        this.clock = clock;
        this.batchSize = batchSize;
        this.pause = pause;
    }

    /** The nightly run over every service. */
    public Purged notificationsOlderThanRetention() {
        Map<NotificationType, Integer> moved = new EnumMap<>(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            moved.put(type, eachRetention(type, (serviceId, cutOff) -> purge(type, serviceId, cutOff)));
        }
        log.info("Purge past retention: {} notification(s) moved to history", moved);
        return new Purged(moved, 0);
    }

    /** delete-inbound-sms: received texts past their service's SMS retention. */
    public int inboundSmsOlderThanRetention() {
        int deleted = eachRetention(NotificationType.SMS, this::deleteInbound);
        log.info("Purge past retention: {} received text message(s) deleted", deleted);
        return deleted;
    }

    /** Both purges for one service, as an operator asks through the admin API. */
    public Purged service(UUID serviceId) {
        Map<NotificationType, Integer> moved = new EnumMap<>(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            moved.put(type, purge(type, serviceId, cutOff(days(serviceId, type))));
        }
        return new Purged(moved, deleteInbound(serviceId, cutOff(days(serviceId, NotificationType.SMS))));
    }

    /** One pass of a purge over a service (null: every service without its own retention for the type). */
    @FunctionalInterface
    interface Pass {
        int run(UUID serviceId, LocalDateTime cutOff);
    }

    /**
     * Runs the pass for each service with a retention of its own for the type, at its cut-off, then for every other
     * service at the default's; returns the passes' total.
     */
    int eachRetention(NotificationType type, Pass pass) {
        int total = 0;
        for (DataRetention own : retention.forType(type)) {
            total += pass.run(own.serviceId(), cutOff(own.daysOfRetention()));
        }
        return total + pass.run(null, cutOff(DataRetention.DEFAULT_DAYS));
    }

    /** The start of the first day kept: London midnight, {@code days} days before today in London, in UTC. */
    public LocalDateTime cutOff(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), NotifyTime.LONDON);
        return LocalDateTime.ofInstant(today.minusDays(days).atStartOfDay(NotifyTime.LONDON).toInstant(), ZoneOffset.UTC);
    }

    private int days(UUID serviceId, NotificationType type) {
        return retention.find(serviceId, type).map(DataRetention::daysOfRetention).orElse(DataRetention.DEFAULT_DAYS);
    }

    /** serviceId null: every service without a retention of its own for the type. */
    private int purge(NotificationType type, UUID serviceId, LocalDateTime cutOff) {
        int total = 0;
        while (true) {
            List<NotificationRow> batch = notifications.purgeCandidates(type, serviceId, cutOff, batchSize);
            if (type == NotificationType.LETTER) {
                batch.forEach(letterPdfs::delete);
            }
            int moved = notifications.moveToHistory(batch.stream().map(NotificationRow::id).toList());
            total += moved;
            // a short batch was the last; none moved means every one left is locked by a receipt: next run
            if (batch.size() < batchSize || moved == 0) {
                return total;
            }
            breathe();
        }
    }

    /** Leaves the database to the API between batches, as long as NOTIFY_RETENTION_BATCH_PAUSE says. */
    private void breathe() {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Purge interrupted", e);
        }
    }

    private int deleteInbound(UUID serviceId, LocalDateTime cutOff) {
        int total = 0;
        int deleted;
        do {
            deleted = inbound.deleteReceivedBefore(serviceId, cutOff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
