package org.notifyhub.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.notifyhub.common.LondonDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * ft_billing: one row per London day, service, template, type, provider, rate multiplier, international flag, rate
 * and postage, with the billable units and notifications sent. A day is rebuilt from notifications and
 * notification_history together (a notification is in one or the other), so purged notifications still count.
 */
@Repository
public class FactBillingRepository {

    /**
     * Notify's fetch_billing_data_for_day: live keys only (normal and team); each type's billable statuses
     * (NOTIFICATION_STATUS_TYPES_BILLABLE_SMS, _SENT_EMAILS, _BILLABLE_FOR_LETTERS); emails count but cost nothing;
     * a letter's billable units are its sheets and its rate is looked up by sheets, postage and the service's crown
     * status (unset counts as crown). Grouped once before pricing, so rates are looked up per group, not per row.
     */
    /**
     * Either table's rows of the day that could be billed (each type's exact statuses are checked after): every
     * billable status listed, so the (type, status, created_at) index serves the hot table.
     */
    private static final String SENT_ON_THE_DAY = """
            notification_type IN ('sms', 'email', 'letter') AND notification_status IN ('sending', 'sent', 'delivered',
                'pending', 'temporary-failure', 'permanent-failure', 'returned-letter')
              AND created_at >= :start AND created_at < :end AND key_type IN ('normal', 'team')
              AND (CAST(:serviceId AS uuid) IS NULL OR service_id = :serviceId)""";

    private static final String REBUILD = """
            WITH sent AS (
                SELECT service_id, template_id, notification_type, notification_status, key_type, sent_by,
                       rate_multiplier, international, billable_units, postage
                FROM notifications
                WHERE %1$s
                UNION ALL
                SELECT service_id, template_id, notification_type, notification_status, key_type, sent_by,
                       rate_multiplier, international, billable_units, postage
                FROM notification_history
                WHERE %1$s
            ), grouped AS (
                SELECT s.service_id, s.template_id, s.notification_type,
                       CASE s.notification_type WHEN 'email' THEN 'ses' WHEN 'letter' THEN 'dvla'
                            ELSE coalesce(s.sent_by, 'unknown') END AS provider,
                       CASE WHEN s.notification_type = 'email' THEN 0
                            ELSE CAST(coalesce(s.rate_multiplier, 1) AS integer) END AS rate_multiplier,
                       s.notification_type <> 'email' AND coalesce(s.international, false) AS international,
                       CASE WHEN s.notification_type = 'letter' THEN coalesce(s.postage, 'none') ELSE 'none' END
                           AS postage,
                       CASE WHEN s.notification_type = 'letter' THEN s.billable_units END AS sheets,
                       coalesce(sv.crown, true) AS crown,
                       sum(CASE WHEN s.notification_type = 'email' THEN 0 ELSE s.billable_units END) AS billable_units,
                       count(*) AS notifications_sent
                FROM sent s JOIN services sv ON sv.id = s.service_id
                WHERE ((s.notification_type = 'sms' AND s.notification_status IN
                          ('sending', 'sent', 'delivered', 'pending', 'temporary-failure', 'permanent-failure'))
                    OR (s.notification_type = 'email' AND s.notification_status IN
                          ('sending', 'delivered', 'temporary-failure', 'permanent-failure'))
                    OR (s.notification_type = 'letter' AND s.notification_status IN
                          ('sending', 'delivered', 'returned-letter')))
                  AND (NOT :checkPermissions OR EXISTS (SELECT 1 FROM service_permissions p
                          WHERE p.service_id = s.service_id AND p.permission = s.notification_type))
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
            ), priced AS (
                SELECT g.*, CASE
                    WHEN g.notification_type = 'sms' THEN (SELECT r.rate FROM rates r
                        WHERE r.notification_type = 'sms' AND r.valid_from <= :start
                        ORDER BY r.valid_from DESC LIMIT 1)
                    WHEN g.notification_type = 'letter' AND g.sheets = 0 THEN 0
                    WHEN g.notification_type = 'letter' THEN (SELECT l.rate FROM letter_rates l
                        WHERE l.start_date <= :start AND l.crown = g.crown AND l.sheet_count = g.sheets
                          AND l.post_class = g.postage
                        ORDER BY l.start_date DESC LIMIT 1)
                    ELSE 0 END AS rate
                FROM grouped g
            )
            INSERT INTO ft_billing (bst_date, template_id, service_id, notification_type, provider, rate_multiplier,
                                    international, rate, postage, billable_units, notifications_sent, created_at)
            SELECT :day, template_id, service_id, notification_type, provider, rate_multiplier, international, rate,
                   postage, sum(billable_units), sum(notifications_sent), :now
            FROM priced
            GROUP BY template_id, service_id, notification_type, provider, rate_multiplier, international, rate, postage"""
            .formatted(SENT_ON_THE_DAY);

    private final JdbcClient jdbc;

    public FactBillingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces one London day's facts (one service's, or everyone's when serviceId is null) in one transaction, so a
     * reader sees the old rows or the new, never none. A group with no rate for its day fails the whole day (rate
     * is NOT NULL): nothing is billed at a made-up price.
     *
     * @return how many fact rows the day now has
     */
    @Transactional
    public int rebuildDay(LocalDate day, UUID serviceId, boolean checkPermissions, LocalDateTime now) {
        jdbc.sql("""
                        DELETE FROM ft_billing
                        WHERE bst_date = :day AND (CAST(:serviceId AS uuid) IS NULL OR service_id = :serviceId)""")
                .param("day", day)
                .param("serviceId", serviceId)
                .update();
        return jdbc.sql(REBUILD)
                .param("day", day)
                .param("start", LondonDays.start(day))
                .param("end", LondonDays.start(day.plusDays(1)))
                .param("serviceId", serviceId)
                .param("checkPermissions", checkPermissions)
                .param("now", now)
                .update();
    }

    /** A service's facts between two London days (inclusive), in key order: what operators and tests read. */
    public List<FactBillingRow> forService(UUID serviceId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT bst_date, template_id, service_id, notification_type, provider, rate_multiplier,
                               international, rate, postage, billable_units, notifications_sent
                        FROM ft_billing WHERE service_id = :serviceId AND bst_date BETWEEN :from AND :to
                        ORDER BY bst_date, notification_type, template_id, provider, rate_multiplier, international,
                                 rate, postage""")
                .param("serviceId", serviceId)
                .param("from", from)
                .param("to", to)
                .query(FactBillingRepository::map)
                .list();
    }

    private static FactBillingRow map(ResultSet rs, int row) throws SQLException {
        return new FactBillingRow(rs.getObject("bst_date", LocalDate.class), rs.getObject("template_id", UUID.class),
                rs.getObject("service_id", UUID.class), rs.getString("notification_type"), rs.getString("provider"),
                rs.getInt("rate_multiplier"), rs.getBoolean("international"), rs.getBigDecimal("rate"),
                rs.getString("postage"), rs.getInt("billable_units"), rs.getInt("notifications_sent"));
    }
}
