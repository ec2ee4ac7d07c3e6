package org.notifyhub.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.notifyhub.common.LondonDays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * ft_notification_status: rebuilt per London day, service and type from notifications and notification_history
 * (Notify's NotificationAllTimeView), test keys left out; read by the statistics endpoints (which never count test
 * keys) and the platform's totals.
 */
@Repository
public class FactNotificationStatusRepository {

    /** Counts by type and status (and key type where the caller asked for it). */
    public record StatusCount(String notificationType, String status, String keyType, long count) {
    }

    /** Counts of one London day (or month's first day) by type and status. */
    /** One service's count of a type and status (and key type). */
    public record ServiceStatusCount(UUID serviceId, StatusCount count) {
    }

    public record DatedCount(LocalDate day, String notificationType, String status, long count) {
    }

    /** Counts of one template in one month. */
    public record TemplateMonthCount(UUID templateId, String name, String templateType, boolean precompiledLetter,
                                     int year, int month, long count) {
    }

    /** The rows one day, service and type's fact is made of. */
    public record FactRow(UUID templateId, UUID jobId, String keyType, String status, long count) {
    }

    /** Notify keeps notifications sent without a job under the zero uuid: the key allows no null. */
    public static final UUID NO_JOB = new UUID(0, 0);

    private static final String ALL_TIME = """
            SELECT template_id, job_id, key_type, notification_status, service_id, notification_type, created_at
            FROM notifications WHERE created_at >= :start AND created_at < :end
            UNION ALL
            SELECT template_id, job_id, key_type, notification_status, service_id, notification_type, created_at
            FROM notification_history WHERE created_at >= :start AND created_at < :end""";

    private static final RowMapper<StatusCount> STATUS_COUNT =
            (rs, i) -> new StatusCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
    private static final RowMapper<DatedCount> DATED_COUNT =
            (rs, i) -> new DatedCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getLong(4));

    private final JdbcClient jdbc;

    public FactNotificationStatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Services with notifications of this type that day, or facts for it (whose notifications may all be gone). */
    public List<UUID> servicesWithNotifications(LocalDate day, String type) {
        return jdbc.sql("SELECT service_id FROM (" + ALL_TIME + ") n WHERE notification_type = :type"
                        + " UNION SELECT service_id FROM ft_notification_status WHERE bst_date = :day"
                        + " AND notification_type = :type")
                .param("start", LondonDays.start(day)).param("end", LondonDays.start(day.plusDays(1)))
                .param("type", type).param("day", day)
                .query(UUID.class).list();
    }

    /**
     * Replaces the day's fact for one service and type in one transaction: rows that no longer exist (every message
     * now delivered, say) go, so a rebuild gives the same rows however often it runs. Returns the rows written.
     */
    @Transactional
    public int rebuild(LocalDate day, UUID serviceId, String type, LocalDateTime now) {
        jdbc.sql("DELETE FROM ft_notification_status WHERE bst_date = :day AND service_id = :service"
                        + " AND notification_type = :type")
                .param("day", day).param("service", serviceId).param("type", type).update();
        return jdbc.sql("INSERT INTO ft_notification_status (bst_date, template_id, service_id, job_id, notification_type,"
                        + " key_type, notification_status, notification_count, created_at)"
                        + " SELECT :day, template_id, :service, coalesce(job_id, :noJob), :type, key_type,"
                        + " notification_status, count(*), :now FROM (" + ALL_TIME + ") n"
                        + " WHERE service_id = :service AND notification_type = :type AND key_type IN ('normal', 'team')"
                        + " GROUP BY 2, 4, 6, 7")
                .param("day", day).param("service", serviceId).param("type", type).param("now", now)
                .param("noJob", NO_JOB)
                .param("start", LondonDays.start(day)).param("end", LondonDays.start(day.plusDays(1)))
                .update();
    }

    public List<FactRow> rows(LocalDate day, UUID serviceId, String type) {
        return jdbc.sql("SELECT template_id, job_id, key_type, notification_status, notification_count"
                        + " FROM ft_notification_status WHERE bst_date = :day AND service_id = :service"
                        + " AND notification_type = :type ORDER BY template_id, job_id, key_type, notification_status")
                .param("day", day).param("service", serviceId).param("type", type)
                .query((rs, i) -> new FactRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /** How finely {@link #byPeriod} adds facts up: per London day, or per month (dated its first day). */
    public enum Grain {
        DAY, MONTH
    }

    /** A service's facts per day or month between two London days (inclusive), by type and status. */
    public List<DatedCount> byPeriod(UUID serviceId, LocalDate from, LocalDate to, Grain grain) {
        return jdbc.sql("SELECT date_trunc(:grain, bst_date)::date, notification_type, notification_status,"
                        + " sum(notification_count) FROM ft_notification_status WHERE service_id = :service"
                        + " AND bst_date BETWEEN :from AND :to AND key_type <> 'test'"
                        + " GROUP BY 1, notification_type, notification_status")
                .param("grain", grain.name().toLowerCase(java.util.Locale.ROOT))
                .param("service", serviceId).param("from", from).param("to", to)
                .query(DATED_COUNT)
                .list();
    }

    /** Per template and month between two London days, cancelled and test keys aside. */
    public List<TemplateMonthCount> templatesByMonth(UUID serviceId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT f.template_id, t.name, t.template_type, t.hidden, extract(year FROM f.bst_date)::int,"
                        + " extract(month FROM f.bst_date)::int, sum(f.notification_count)"
                        + " FROM ft_notification_status f JOIN templates t ON t.id = f.template_id"
                        + " WHERE f.service_id = :service AND f.bst_date BETWEEN :from AND :to AND f.key_type <> 'test'"
                        + " AND f.notification_status <> 'cancelled' GROUP BY 1, 2, 3, 4, 5, 6")
                .param("service", serviceId).param("from", from).param("to", to)
                .query(FactNotificationStatusRepository::templateMonth)
                .list();
    }

    /** Per template of the notifications created since a moment (today), all in the given month. */
    public List<TemplateMonthCount> liveTemplates(UUID serviceId, LocalDateTime since, int year, int month) {
        return jdbc.sql("SELECT n.template_id, t.name, t.template_type, t.hidden, :year, :month, count(*)"
                        + " FROM notifications n JOIN templates t ON t.id = n.template_id"
                        + " WHERE n.service_id = :service AND n.created_at >= :since AND n.key_type <> 'test'"
                        + " AND n.notification_status <> 'cancelled' GROUP BY 1, 2, 3, 4")
                .param("service", serviceId).param("since", since).param("year", year).param("month", month)
                .query(FactNotificationStatusRepository::templateMonth)
                .list();
    }

    /** Every service's facts between two London days (inclusive), by type, status and key type. */
    public List<StatusCount> platformTotals(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT notification_type, notification_status, key_type, sum(notification_count)"
                        + " FROM ft_notification_status WHERE bst_date BETWEEN :from AND :to"
                        + " GROUP BY notification_type, notification_status, key_type")
                .param("from", from).param("to", to)
                .query(STATUS_COUNT)
                .list();
    }

    /** Facts between two London days (inclusive), per service, type, status and key type. */
    public List<ServiceStatusCount> byService(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT service_id, notification_type, notification_status, key_type, sum(notification_count)"
                        + " FROM ft_notification_status WHERE bst_date BETWEEN :from AND :to GROUP BY 1, 2, 3, 4")
                .param("from", from).param("to", to)
                .query(FactNotificationStatusRepository::serviceStatusCount)
                .list();
    }

    /** Notifications created since a moment (today's), per service, type, status and key type, test keys included. */
    public List<ServiceStatusCount> liveByService(LocalDateTime since) {
        return jdbc.sql("SELECT service_id, notification_type, notification_status, key_type, count(*) FROM notifications"
                        + " WHERE created_at >= :since GROUP BY 1, 2, 3, 4")
                .param("since", since)
                .query(FactNotificationStatusRepository::serviceStatusCount)
                .list();
    }

    /**
     * Notifications created since a moment (today's, not in the facts yet), by type, status and key type, test keys
     * included: one service's, or every service's for null.
     */
    public List<StatusCount> live(UUID serviceId, LocalDateTime since) {
        return jdbc.sql("SELECT notification_type, notification_status, key_type, count(*) FROM notifications"
                        + " WHERE created_at >= :since AND (CAST(:service AS uuid) IS NULL OR service_id = :service)"
                        + " GROUP BY notification_type, notification_status, key_type")
                .param("since", since).param("service", serviceId)
                .query(STATUS_COUNT)
                .list();
    }

    private static ServiceStatusCount serviceStatusCount(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ServiceStatusCount(rs.getObject(1, UUID.class),
                new StatusCount(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
    }

    private static TemplateMonthCount templateMonth(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String type = rs.getString(3);
        return new TemplateMonthCount(rs.getObject(1, UUID.class), rs.getString(2), type,
                rs.getBoolean(4) && "letter".equals(type), rs.getInt(5), rs.getInt(6), rs.getLong(7));
    }
}
