package org.notifyhub.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.notifyhub.common.ExpiringCache;
import org.notifyhub.common.LondonDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rate card, read again after a short while (rates change a few times a year and are added ahead of their
 * date), and the operator's way to add a rate from a London day.
 */
@Component
public class Rates {

    private static final String KEY = "rates";

    private final RateRepository repository;
    private final ExpiringCache<String, RateCard> cache;

    public Rates(RateRepository repository, Clock clock,
                 @Value("${notify.billing.rates-cache-ttl:PT30S}") Duration ttl) {
        this.repository = repository;
        this.cache = new ExpiringCache<>(ttl, 1, clock);
    }

    public RateCard card() {
        return cache.get(KEY, key -> repository.card());
    }

    /** From the London midnight starting that day; false when an SMS rate already starts then or later. */
    public boolean addSmsRate(LocalDate from, BigDecimal rate) {
        boolean added = repository.addSmsRate(LondonDays.start(from), rate);
        cache.evict(KEY);
        return added;
    }

    /** From the London midnight starting that day; false when a rate for these letters starts then or later. */
    public boolean addLetterRate(LocalDate from, int sheetCount, String postClass, BigDecimal rate) {
        boolean added = repository.addLetterRate(LondonDays.start(from), sheetCount, postClass, rate);
        cache.evict(KEY);
        return added;
    }
}
