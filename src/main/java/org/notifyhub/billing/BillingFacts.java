package org.notifyhub.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.notifyhub.common.LondonDays;
import org.notifyhub.common.NotifyTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Rebuilds ft_billing: Notify's create-nightly-billing (the last few London days, yesterday first),
 * update-ft-billing-for-today, and the operator's rebuild-ft-billing-for-day. Each day is replaced whole, so a run
 * repeated or overlapping another leaves the same rows.
 */
@Component
public class BillingFacts {

    private static final Logger log = LoggerFactory.getLogger(BillingFacts.class);

    private final FactBillingRepository facts;
    private final Clock clock;
    private final int nightlyDays;

    public BillingFacts(FactBillingRepository facts, Clock clock,
                        @Value("${notify.billing.nightly-days:4}") int nightlyDays) {
        this.facts = facts;
        this.clock = clock;
        this.nightlyDays = nightlyDays;
    }

    /**
     * create-nightly-billing: yesterday and the days before it, statuses having settled since. A day that cannot be
     * rebuilt (a letter with no rate for its sheets) keeps its old facts and does not stop the other days; the run
     * then fails, naming it, so the job's failure is seen.
     */
    public int createNightlyBilling() {
        LocalDate yesterday = LondonDays.today(clock).minusDays(1);
        int rows = 0;
        List<LocalDate> failed = new ArrayList<>();
        for (int i = 0; i < nightlyDays; i++) {
            LocalDate day = yesterday.minusDays(i);
            try {
                rows += rebuildDay(day, null);
            } catch (DataAccessException e) {
                log.error("ft_billing for {} could not be rebuilt; its previous facts stay", day, e);
                failed.add(day);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("ft_billing could not be rebuilt for " + failed);
        }
        return rows;
    }

    /** update-ft-billing-for-today: today so far, for everyone. */
    public int updateForToday() {
        return rebuildDay(LondonDays.today(clock), null);
    }

    /** One London day, for one service or (serviceId null) all of them; returns the day's fact rows. */
    public int rebuildDay(LocalDate day, UUID serviceId) {
        int rows = facts.rebuildDay(day, serviceId, false, now());
        log.info("ft_billing for {}{}: {} rows", day, serviceId == null ? "" : " service " + serviceId, rows);
        return rows;
    }

    /**
     * Today's facts for one service before its usage is read, as Notify's monthly usage does: only the types the
     * service may send count.
     */
    public void refreshToday(UUID serviceId) {
        facts.rebuildDay(LondonDays.today(clock), serviceId, true, now());
    }

    private LocalDateTime now() {
        return NotifyTime.toUtc(clock.instant());
    }
}
