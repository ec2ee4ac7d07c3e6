package org.notifyhub.billing;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;

/**
 * A notification's cost as Notify's serialize_with_cost_data shows it: emails cost nothing; a text costs its
 * fragments times its rate multiplier times the SMS rate; a letter costs its rate by sheets and postage, nothing if
 * it was never sent. Until a text or letter has its billable units (or while a precompiled letter is scanned) the
 * cost is not ready: null, with empty details. Rates are those in force at the start of the notification's UTC
 * creation date, as Notify looks them up. Arithmetic is in doubles, in Notify's order, so the pounds match.
 *
 * @param inPounds null when not ready
 * @param details  Notify's SmsCostDetails or LetterCostDetails, in its key order; empty when not ready
 */
public record NotificationCost(Double inPounds, boolean ready, Map<String, Object> details) {

    /** Notify's NOTIFICATION_STATUS_TYPES_LETTERS_NEVER_SENT. */
    private static final Set<NotificationStatus> LETTERS_NEVER_SENT = Set.of(NotificationStatus.CANCELLED,
            NotificationStatus.TECHNICAL_FAILURE, NotificationStatus.VALIDATION_FAILED,
            NotificationStatus.VIRUS_SCAN_FAILED);
    private static final NotificationCost NOT_READY = new NotificationCost(null, false, Map.of());
    private static final NotificationCost FREE = new NotificationCost(0.0, true, Map.of());

    public static NotificationCost of(NotificationRow n, RateCard rates) {
        return switch (n.notificationType()) {
            case EMAIL -> FREE;
            case SMS -> sms(n, rates);
            case LETTER -> letter(n, rates);
        };
    }

    private static NotificationCost sms(NotificationRow n, RateCard rates) {
        if (n.status() == NotificationStatus.CREATED && n.billableUnits() == 0) {
            return NOT_READY;
        }
        var rate = rates.smsRateAt(rateDate(n));
        if (rate.isEmpty()) {
            return NOT_READY;
        }
        double multiplier = n.rateMultiplier() == null ? 1.0 : n.rateMultiplier();
        double smsRate = rate.get().rate().doubleValue();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("billable_sms_fragments", n.billableUnits());
        details.put("international_rate_multiplier", multiplier);
        details.put("sms_rate", smsRate);
        return new NotificationCost(n.billableUnits() * multiplier * smsRate, true, details);
    }

    private static NotificationCost letter(NotificationRow n, RateCard rates) {
        if (n.status() == NotificationStatus.PENDING_VIRUS_CHECK
                || (n.status() == NotificationStatus.CREATED && n.billableUnits() == 0)) {
            return NOT_READY;
        }
        boolean neverSent = LETTERS_NEVER_SENT.contains(n.status());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("billable_sheets_of_paper", neverSent ? 0 : n.billableUnits());
        details.put("postage", n.postage());
        if (neverSent || n.billableUnits() == 0) {
            return new NotificationCost(0.0, true, details);
        }
        // Notify reads the crown rates only: crown and non-crown letters cost the same
        return rates.letterRateAt(rateDate(n), n.billableUnits(), n.postage(), true)
                .map(rate -> new NotificationCost(rate.rate().doubleValue(), true, details))
                .orElse(NOT_READY);
    }

    /** Notify passes created_at.date(): midnight UTC of the creation date. */
    private static LocalDateTime rateDate(NotificationRow n) {
        return n.createdAt().toLocalDate().atStartOfDay();
    }
}
