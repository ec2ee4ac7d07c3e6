package org.notifyhub.billing;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.FinancialYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** annual_billing (a service's free SMS fragments per financial year) and the defaults it starts from. */
@Repository
public class AnnualBillingRepository {

    /** Notify's ORG_TYPE_OTHER: the default for a service with no organisation type. */
    static final String OTHER = "other";

    public record AnnualBilling(UUID serviceId, int financialYearStart, int freeSmsFragmentLimit,
                                boolean hasCustomAllowance) {
    }

    private final JdbcClient jdbc;

    public AnnualBillingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AnnualBilling> find(UUID serviceId, int year) {
        return jdbc.sql("""
                        SELECT service_id, financial_year_start, free_sms_fragment_limit, has_custom_allowance
                        FROM annual_billing WHERE service_id = :serviceId AND financial_year_start = :year""")
                .param("serviceId", serviceId)
                .param("year", year)
                .query((rs, row) -> new AnnualBilling(rs.getObject("service_id", UUID.class),
                        rs.getInt("financial_year_start"), rs.getInt("free_sms_fragment_limit"),
                        rs.getBoolean("has_custom_allowance")))
                .optional();
    }

    /** Creates or changes the year's row; returns it. */
    public AnnualBilling save(UUID serviceId, int year, int limit, boolean highVolumeLastYear, boolean custom,
                              LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO annual_billing (id, service_id, financial_year_start, free_sms_fragment_limit,
                                                    high_volume_service_last_year, has_custom_allowance, created_at)
                        VALUES (:id, :serviceId, :year, :limit, :highVolume, :custom, :now)
                        ON CONFLICT (service_id, financial_year_start) DO UPDATE
                        SET free_sms_fragment_limit = EXCLUDED.free_sms_fragment_limit,
                            high_volume_service_last_year = EXCLUDED.high_volume_service_last_year,
                            has_custom_allowance = EXCLUDED.has_custom_allowance, updated_at = :now""")
                .param("id", UUID.randomUUID())
                .param("serviceId", serviceId)
                .param("year", year)
                .param("limit", limit)
                .param("highVolume", highVolumeLastYear)
                .param("custom", custom)
                .param("now", now)
                .update();
        return new AnnualBilling(serviceId, year, limit, custom);
    }

    /**
     * The default allowance for the service's organisation type in force in that year; a service with no type, or a
     * type the defaults don't name, gets other's. Empty only when no default is in force that year.
     */
    public Optional<Integer> defaultAllowance(UUID serviceId, int year) {
        return jdbc.sql("""
                        SELECT d.allowance FROM default_annual_allowance d, services s
                        WHERE s.id = :serviceId
                          AND d.organisation_type = CASE WHEN EXISTS (SELECT 1 FROM default_annual_allowance k
                                  WHERE k.organisation_type = s.organisation_type) THEN s.organisation_type
                              ELSE :other END
                          AND d.notification_type = 'sms' AND d.valid_from_financial_year_start <= :year
                        ORDER BY d.valid_from_financial_year_start DESC LIMIT 1""")
                .param("serviceId", serviceId)
                .param("year", year)
                .param("other", OTHER)
                .query(Integer.class)
                .optional();
    }

    /** Text fragments (times their rate multiplier) the service sent in a financial year, from ft_billing. */
    public long smsFragments(UUID serviceId, int year) {
        return jdbc.sql("""
                        SELECT coalesce(sum(billable_units * rate_multiplier), 0) FROM ft_billing
                        WHERE service_id = :serviceId AND notification_type = 'sms'
                          AND bst_date BETWEEN :from AND :to""")
                .param("serviceId", serviceId)
                .param("from", new FinancialYear(year).firstDay())
                .param("to", new FinancialYear(year).lastDay())
                .query(Long.class)
                .single();
    }
}
