package org.notifyhub.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.notifyhub.common.FinancialYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A service's usage in a financial year from ft_billing, as Notify's fetch_usage_for_service_by_month and
 * fetch_usage_for_service_annual compute it. Texts are charged per fragment times the rate multiplier, after the
 * year's free allowance: each day's rows use what is left of it after the days before (a running sum), so the month
 * the allowance runs out shows part free, part charged. Letters are charged per letter at their rate; emails are
 * free. Texts are counted only when the year has an annual_billing row, as in Notify.
 */
@Repository
public class UsageRepository {

    private static final String ROWS = """
            WITH sms AS (
                SELECT f.bst_date, f.postage, f.notifications_sent, f.billable_units * f.rate_multiplier AS chargeable,
                       f.rate, f.notification_type, a.free_sms_fragment_limit AS allowance,
                       coalesce(sum(f.billable_units * f.rate_multiplier) OVER (ORDER BY f.bst_date, f.rate,
                           f.template_id, f.provider, f.rate_multiplier, f.international
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS used_before
                FROM ft_billing f
                JOIN annual_billing a ON a.service_id = f.service_id AND a.financial_year_start = :year
                WHERE f.service_id = :serviceId AND f.bst_date BETWEEN :from AND :to AND f.notification_type = 'sms'
            ), sms_charged AS (
                SELECT bst_date, postage, notifications_sent, chargeable, rate, notification_type,
                       greatest(chargeable - greatest(allowance - used_before, 0), 0) AS charged,
                       least(greatest(allowance - used_before, 0), chargeable) AS free_used
                FROM sms
            ), usage AS (
                SELECT bst_date, postage, notifications_sent, chargeable, rate, notification_type,
                       charged * rate AS cost, free_used, charged
                FROM sms_charged
                UNION ALL
                SELECT bst_date, postage, notifications_sent, billable_units, rate, notification_type, 0, 0,
                       billable_units
                FROM ft_billing
                WHERE service_id = :serviceId AND bst_date BETWEEN :from AND :to AND notification_type = 'email'
                UNION ALL
                SELECT bst_date, postage, notifications_sent, notifications_sent, rate, notification_type,
                       notifications_sent * rate, 0, notifications_sent
                FROM ft_billing
                WHERE service_id = :serviceId AND bst_date BETWEEN :from AND :to AND notification_type = 'letter'
            )
            """;

    /** One group of usage rows: a month's (month set) or the year's (month null) at one type, rate and postage. */
    public record Usage(LocalDate month, String notificationType, BigDecimal rate, String postage,
                        long notificationsSent, long chargeableUnits, BigDecimal cost, long freeAllowanceUsed,
                        long chargedUnits) {
    }

    private final JdbcClient jdbc;

    public UsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per month, type, rate and postage; in month, type, rate order. */
    public List<Usage> monthly(UUID serviceId, int year) {
        return query(ROWS + """
                SELECT CAST(date_trunc('month', bst_date) AS date) AS month, notification_type, rate, postage,
                       sum(notifications_sent) AS notifications_sent, sum(chargeable) AS chargeable_units,
                       sum(cost) AS cost, sum(free_used) AS free_allowance_used, sum(charged) AS charged_units
                FROM usage GROUP BY 1, 2, 3, 4 ORDER BY month, notification_type, rate, postage""", serviceId, year);
    }

    /** Per type and rate over the year; in type, rate order. */
    public List<Usage> annual(UUID serviceId, int year) {
        return query(ROWS + """
                SELECT CAST(NULL AS date) AS month, notification_type, rate, NULL AS postage,
                       sum(notifications_sent) AS notifications_sent, sum(chargeable) AS chargeable_units,
                       sum(cost) AS cost, sum(free_used) AS free_allowance_used, sum(charged) AS charged_units
                FROM usage GROUP BY 2, 3 ORDER BY notification_type, rate""", serviceId, year);
    }

    private List<Usage> query(String sql, UUID serviceId, int year) {
        return jdbc.sql(sql)
                .param("serviceId", serviceId)
                .param("year", year)
                .param("from", new FinancialYear(year).firstDay())
                .param("to", new FinancialYear(year).lastDay())
                .query(UsageRepository::map)
                .list();
    }

    private static Usage map(ResultSet rs, int row) throws SQLException {
        return new Usage(rs.getObject("month", LocalDate.class), rs.getString("notification_type"),
                rs.getBigDecimal("rate"), rs.getString("postage"), rs.getLong("notifications_sent"),
                rs.getLong("chargeable_units"), rs.getBigDecimal("cost"), rs.getLong("free_allowance_used"),
                rs.getLong("charged_units"));
    }
}
