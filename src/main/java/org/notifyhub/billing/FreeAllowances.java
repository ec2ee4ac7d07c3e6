package org.notifyhub.billing;

import java.time.Clock;
import java.util.UUID;
import org.notifyhub.billing.AnnualBillingRepository.AnnualBilling;
import org.notifyhub.common.FinancialYear;
import org.notifyhub.common.LondonDays;
import org.notifyhub.common.NotifyTime;
import org.springframework.stereotype.Component;

/**
 * A service's free SMS fragment allowance per financial year, as Notify's annual_billing_dao decides it: a year with
 * no row yet gets 0 after a high-volume year, else last year's allowance if it was set by hand, else the default for
 * the service's organisation type. Setting the allowance always sets this year's.
 */
@Component
public class FreeAllowances {

    /** Notify began in 2016; there are no allowances before. */
    public static final int FIRST_YEAR = 2016;
    /** Notify's HIGH_VOLUME_SERVICE_THRESHOLD: fragments in a year after which the next has no free allowance. */
    static final long HIGH_VOLUME_THRESHOLD = 300_000;

    /** A year before Notify began or after the current one: Notify refuses to make up an allowance for it. */
    public static class YearOutOfRangeException extends RuntimeException {
        public YearOutOfRangeException(int year) {
            super("No free allowance for financial year " + year);
        }
    }

    private final AnnualBillingRepository annualBilling;
    private final Clock clock;

    public FreeAllowances(AnnualBillingRepository annualBilling, Clock clock) {
        this.annualBilling = annualBilling;
        this.clock = clock;
    }

    public int currentYear() {
        return FinancialYear.of(LondonDays.today(clock)).year();
    }

    /** The year's allowance (this year's when year is null), set to its default if the service has none yet. */
    public AnnualBilling forYear(UUID serviceId, Integer year) {
        int financialYear = year == null ? currentYear() : year;
        return annualBilling.find(serviceId, financialYear).orElseGet(() -> setDefault(serviceId, financialYear));
    }

    /** Whether usage for that year can have an allowance (Notify's own range); usage outside it has no SMS rows. */
    public boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= currentYear();
    }

    /** This financial year's allowance, marked custom when it differs from the organisation type's default. */
    public AnnualBilling set(UUID serviceId, int limit) {
        int year = currentYear();
        int standard = defaultFor(serviceId, year);
        return annualBilling.save(serviceId, year, limit, false, standard != limit, NotifyTime.toUtc(clock.instant()));
    }

    private AnnualBilling setDefault(UUID serviceId, int year) {
        if (!inRange(year)) {
            throw new YearOutOfRangeException(year);
        }
        if (annualBilling.smsFragments(serviceId, year - 1) >= HIGH_VOLUME_THRESHOLD) {
            return annualBilling.save(serviceId, year, 0, true, false, NotifyTime.toUtc(clock.instant()));
        }
        var lastYear = annualBilling.find(serviceId, year - 1).filter(AnnualBilling::hasCustomAllowance);
        int limit = lastYear.map(AnnualBilling::freeSmsFragmentLimit).orElseGet(() -> defaultFor(serviceId, year));
        return annualBilling.save(serviceId, year, limit, false, lastYear.isPresent(),
                NotifyTime.toUtc(clock.instant()));
    }

    private int defaultFor(UUID serviceId, int year) {
        return annualBilling.defaultAllowance(serviceId, year).orElseThrow(() -> new IllegalStateException(
                "No default annual allowance for service " + serviceId + "'s organisation type in " + year));
    }
}
