package org.notifyhub.billing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every SMS and letter rate, newest first: what a text or a letter cost at a moment (naive UTC). */
public record RateCard(List<SmsRate> smsRates, List<LetterRate> letterRates) {

    public record SmsRate(LocalDateTime validFrom, BigDecimal rate) {
    }

    /** @param endDate null while the rate is current */
    public record LetterRate(LocalDateTime startDate, LocalDateTime endDate, int sheetCount, BigDecimal rate,
                             boolean crown, String postClass) {
    }

    public RateCard {
        smsRates = smsRates.stream().sorted(Comparator.comparing(SmsRate::validFrom).reversed()).toList();
        letterRates = letterRates.stream().sorted(Comparator.comparing(LetterRate::startDate).reversed()).toList();
    }

    /** The SMS rate in force at that moment (the latest valid_from at or before it). */
    public Optional<SmsRate> smsRateAt(LocalDateTime at) {
        return smsRates.stream().filter(r -> !r.validFrom().isAfter(at)).findFirst();
    }

    /** The SMS rate in force now: the one Notify's GET /sms-rate shows. */
    public Optional<SmsRate> currentSmsRate(LocalDateTime now) {
        return smsRateAt(now);
    }

    /** The letter rate for these sheets and postage in force at that moment (started, not yet ended). */
    public Optional<LetterRate> letterRateAt(LocalDateTime at, int sheets, String postClass, boolean crown) {
        return letterRates.stream()
                .filter(r -> r.sheetCount() == sheets && r.postClass().equals(postClass) && r.crown() == crown)
                .filter(r -> inForce(r, at))
                .findFirst();
    }

    /** Today's crown letter rates (crown and non-crown are the same), by sheets, rate and postage as Notify lists them. */
    public List<LetterRate> currentLetterRates(LocalDateTime now) {
        return letterRates.stream().filter(LetterRate::crown).filter(r -> inForce(r, now))
                .sorted(Comparator.comparingInt(LetterRate::sheetCount).thenComparing(LetterRate::rate)
                        .thenComparing(LetterRate::postClass))
                .toList();
    }

    private static boolean inForce(LetterRate rate, LocalDateTime at) {
        return !rate.startDate().isAfter(at) && (rate.endDate() == null || rate.endDate().isAfter(at));
    }
}
