package org.notifyhub.notifications;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How a service's templates have been used, from notifications and (past their retention) notification_history.
 * Test-key notifications never count.
 */
@Repository
public class TemplateUsageRepository {

    /** How many notifications from one template are in one status. */
    public record TemplateUsage(UUID templateId, String templateName, String templateType, boolean hidden,
                                String status, long count) {
    }

    private static final String SENT_SINCE = """
            SELECT id, template_id, notification_status, created_at FROM notifications
            WHERE service_id = :serviceId AND key_type <> 'test' AND created_at >= :since
            UNION
            SELECT id, template_id, notification_status, created_at FROM notification_history
            WHERE service_id = :serviceId AND key_type <> 'test' AND created_at >= :since""";

    private final JdbcClient jdbc;

    public TemplateUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TemplateUsage> countByTemplateAndStatus(UUID serviceId, LocalDateTime since) {
        return jdbc.sql("SELECT n.template_id, t.name, t.template_type, t.hidden, n.notification_status, count(*) AS count"
                        + " FROM (" + SENT_SINCE + ") n JOIN templates t ON t.id = n.template_id"
                        + " GROUP BY n.template_id, t.name, t.template_type, t.hidden, n.notification_status"
                        + " ORDER BY t.name, n.notification_status")
                .param("serviceId", serviceId)
                .param("since", since)
                .query((rs, row) -> new TemplateUsage(rs.getObject("template_id", UUID.class), rs.getString("name"),
                        rs.getString("template_type"), rs.getBoolean("hidden"), rs.getString("notification_status"),
                        rs.getLong("count")))
                .list();
    }

    /** When a notification was last created from the template, if ever. */
    public Optional<LocalDateTime> lastUsed(UUID serviceId, UUID templateId) {
        return jdbc.sql("SELECT max(created_at) FROM (" + SENT_SINCE + ") n WHERE template_id = :templateId")
                .param("serviceId", serviceId)
                .param("since", LocalDateTime.of(1970, 1, 1, 0, 0))
                .param("templateId", templateId)
                .query(LocalDateTime.class)
                .optional();
    }
}
