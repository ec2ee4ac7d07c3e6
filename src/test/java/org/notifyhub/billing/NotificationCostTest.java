package org.notifyhub.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;

/**
 * Notify's serialize_with_cost_data on a hand-made rate card: 1.6p a fragment until 1 April 2025 (London), 2p from
 * then; a first-class one-sheet letter 90p until that day, £1 from it. Rates are those at the start of the UTC date.
 */
class NotificationCostTest {

    private static final LocalDateTime APRIL_FIRST = LocalDateTime.parse("2025-03-31T23:00");
    private static final RateCard RATES = new RateCard(
            List.of(new RateCard.SmsRate(LocalDateTime.parse("2020-01-01T00:00"), new BigDecimal("0.016")),
                    new RateCard.SmsRate(APRIL_FIRST, new BigDecimal("0.02"))),
            List.of(new RateCard.LetterRate(LocalDateTime.parse("2020-01-01T00:00"), APRIL_FIRST, 1,
                            new BigDecimal("0.90"), true, "first"),
                    new RateCard.LetterRate(APRIL_FIRST, null, 1, new BigDecimal("1.00"), true, "first"),
                    new RateCard.LetterRate(APRIL_FIRST, null, 1, new BigDecimal("5.00"), false, "first")));

    @Test
    void aTextCostsItsFragmentsTimesItsMultiplierTimesTheRate() {
        // France: rate multiplier 2; 3 fragments on 2 April
        NotificationCost cost = NotificationCost.of(sms("+33612345678", "33", true, 3, "2025-04-02T10:00",
                NotificationStatus.DELIVERED), RATES);

        assertThat(cost.ready()).isTrue();
        assertThat(cost.inPounds()).isEqualTo(3 * 2.0 * 0.02);
        assertThat(cost.details()).containsExactly(Map.entry("billable_sms_fragments", 3),
                Map.entry("international_rate_multiplier", 2.0), Map.entry("sms_rate", 0.02));
    }

    @Test
    void theRateIsTheOneAtTheStartOfTheUtcCreationDateAsNotifyLooksItUp() {
        // 23:30 UTC on 31 March is 00:30 on 1 April in London, but Notify reads the rate for the UTC date
        NotificationCost cost = NotificationCost.of(sms("447700900123", "44", false, 1, "2025-03-31T23:30",
                NotificationStatus.SENDING), RATES);

        assertThat(cost.inPounds()).isEqualTo(0.016);
        assertThat(cost.details()).containsEntry("international_rate_multiplier", 1.0);
    }

    @Test
    void aTextWithoutBillableUnitsWhileCreatedIsNotReady() {
        NotificationCost cost = NotificationCost.of(sms("447700900123", "44", false, 0, "2025-04-02T10:00",
                NotificationStatus.CREATED), RATES);

        assertThat(cost).isEqualTo(new NotificationCost(null, false, Map.of()));
    }

    @Test
    void aLetterCostsItsCrownRateBySheetsAndPostage() {
        NotificationCost before = NotificationCost.of(letter(1, "2025-03-31T12:00", NotificationStatus.SENDING), RATES);
        NotificationCost after = NotificationCost.of(letter(1, "2025-04-01T12:00", NotificationStatus.DELIVERED), RATES);

        assertThat(before.inPounds()).isEqualTo(0.90);
        assertThat(after.inPounds()).isEqualTo(1.00);
        assertThat(after.details()).containsExactly(Map.entry("billable_sheets_of_paper", 1), Map.entry("postage", "first"));
    }

    @Test
    void aLetterNeverSentCostsNothingAndOneStillBeingCheckedIsNotReady() {
        NotificationCost cancelled = NotificationCost.of(letter(1, "2025-04-01T12:00", NotificationStatus.CANCELLED), RATES);
        NotificationCost scanning = NotificationCost.of(letter(1, "2025-04-01T12:00",
                NotificationStatus.PENDING_VIRUS_CHECK), RATES);
        NotificationCost noPdfYet = NotificationCost.of(letter(0, "2025-04-01T12:00", NotificationStatus.CREATED), RATES);

        assertThat(cancelled.inPounds()).isEqualTo(0.0);
        assertThat(cancelled.details()).containsEntry("billable_sheets_of_paper", 0);
        assertThat(List.of(scanning, noPdfYet)).containsOnly(new NotificationCost(null, false, Map.of()));
    }

    @Test
    void emailsCostNothing() {
        NotificationRow email = row(NotificationType.EMAIL, "a@b.com", null, false, 0, "2025-04-01T12:00",
                NotificationStatus.DELIVERED, null);

        assertThat(NotificationCost.of(email, RATES)).isEqualTo(new NotificationCost(0.0, true, Map.of()));
    }

    private static NotificationRow sms(String to, String prefix, boolean international, int fragments, String at,
                                       NotificationStatus status) {
        return row(NotificationType.SMS, to, prefix, international, fragments, at, status, null);
    }

    private static NotificationRow letter(int sheets, String at, NotificationStatus status) {
        return row(NotificationType.LETTER, "Ada", null, false, sheets, at, status, "first");
    }

    private static NotificationRow row(NotificationType type, String to, String prefix, boolean international,
                                       int units, String at, NotificationStatus status, String postage) {
        return new NotificationRow(UUID.randomUUID(), to, to, null, null, UUID.randomUUID(), UUID.randomUUID(), 1,
                null, KeyType.NORMAL, units, type, LocalDateTime.parse(at), null, null, null, status, null, null, null,
                null, postage, null, international, prefix, null, null);
    }
}
