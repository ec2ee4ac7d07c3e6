package org.notifyhub.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.notifyhub.common.LondonDays;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications written straight into the database at chosen moments, and the nightly facts built over them, for the
 * statistics tests (with the hub's own clock: today is the real London day).
 */
public final class SentNotifications {

    private final JdbcClient jdbc;
    private final NotificationRepository notifications;
    private final CreateNightlyNotificationStatusJob nightly;
    private final Clock clock;

    public SentNotifications(ApplicationContext hub) {
        this.jdbc = hub.getBean(JdbcClient.class);
        this.notifications = hub.getBean(NotificationRepository.class);
        this.nightly = hub.getBean(CreateNightlyNotificationStatusJob.class);
        this.clock = hub.getBean(Clock.class);
    }

    public LocalDate today() {
        return LondonDays.today(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The nightly facts of these London days, every type, every service. */
    public void buildFacts(LocalDate... days) {
        for (LocalDate day : days) {
            for (NotificationType type : NotificationType.values()) {
                nightly.forDay(day, type);
            }
        }
    }

    /** A notification from one of the service's templates, made through its key of that type (none for null). */
    public UUID add(TestService service, NotificationType type, String keyType, String status, LocalDateTime createdAt) {
        return add(service, type, keyType, status, createdAt, null, null);
    }

    public UUID add(TestService service, NotificationType type, String keyType, String status, LocalDateTime createdAt,
                    UUID jobId, LocalDateTime sentAt) {
        UUID id = UUID.randomUUID();
        UUID template = switch (type) {
            case SMS -> service.smsTemplate();
            case EMAIL -> service.emailTemplate();
            case LETTER -> service.letterTemplate();
        };
        UUID apiKey = jobId != null ? null : jdbc.sql("SELECT id FROM api_keys WHERE service_id = :service"
                        + " AND key_type = :keyType LIMIT 1")
                .param("service", service.id()).param("keyType", keyType).query(UUID.class).optional().orElse(null);
        jdbc.sql("""
                        INSERT INTO notifications (id, "to", normalised_to, service_id, template_id, template_version,
                               api_key_id, key_type, notification_type, created_at, sent_at, notification_status,
                               job_id, job_row_number, postage)
                        VALUES (:id, 'someone', 'someone', :service, :template, 1, :apiKey, :keyType, :type, :createdAt,
                                :sentAt, :status, :job, :row, :postage)""")
                .param("id", id).param("service", service.id()).param("template", template).param("apiKey", apiKey)
                .param("keyType", keyType).param("type", type.wireName()).param("createdAt", createdAt)
                .param("sentAt", sentAt).param("status", status).param("job", jobId)
                .param("row", jobId == null ? null : (int) (Math.random() * 1_000_000))
                .param("postage", type == NotificationType.LETTER ? "second" : null)
                .update();
        return id;
    }

    /** A CSV job of the service's email template. */
    public UUID job(TestService service, LocalDateTime createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO jobs (id, original_file_name, service_id, template_id, template_version, created_at,
                                          notification_count, job_status)
                        VALUES (:id, 'statistics.csv', :service, :template, 1, :createdAt, 1, 'finished')""")
                .param("id", id).param("service", service.id()).param("template", service.emailTemplate())
                .param("createdAt", createdAt).update();
        return id;
    }

    /** Moves them to notification_history, as the nightly purge does past a service's retention. */
    public void purge(List<UUID> ids) {
        notifications.moveToHistory(ids);
    }

    public void setStatus(UUID id, String status) {
        jdbc.sql("UPDATE notifications SET notification_status = :status WHERE id = :id")
                .param("status", status).param("id", id).update();
    }

    /** Rows left in notifications (0 once purged). */
    public long inNotifications(List<UUID> ids) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new)).query(Long.class).single();
    }
}
