package org.notifyhub.services;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ServiceRepository {

    private final JdbcClient jdbc;

    public ServiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Service> find(UUID id) {
        Set<String> permissions = new HashSet<>(jdbc.sql("SELECT permission FROM service_permissions WHERE service_id = :id")
                .param("id", id)
                .query(String.class)
                .list());
        return jdbc.sql("""
                        SELECT id, name, active, restricted, research_mode, email_from, prefix_sms, rate_limit,
                               email_message_limit, sms_message_limit, letter_message_limit, international_sms_message_limit
                        FROM services WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new Service(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("active"),
                        rs.getBoolean("restricted"), rs.getBoolean("research_mode"), rs.getString("email_from"),
                        rs.getBoolean("prefix_sms"), rs.getInt("rate_limit"), Set.copyOf(permissions),
                        new Service.DailyLimits(rs.getLong("email_message_limit"), rs.getLong("sms_message_limit"),
                                rs.getLong("letter_message_limit"), rs.getLong("international_sms_message_limit"))))
                .optional();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM services WHERE id = :id").param("id", id).query(Integer.class).single() > 0;
    }

    public void insert(NewService service) {
        jdbc.sql("""
                        INSERT INTO services (id, name, active, restricted, email_from, prefix_sms, rate_limit, created_by_id)
                        VALUES (:id, :name, true, :restricted, :emailFrom, :prefixSms, :rateLimit, :createdBy)""")
                .param("id", service.id())
                .param("name", service.name())
                .param("restricted", service.restricted())
                .param("emailFrom", service.emailFrom())
                .param("prefixSms", service.prefixSms())
                .param("rateLimit", service.rateLimit())
                .param("createdBy", service.createdBy())
                .update();
        addPermissions(service.id(), service.permissions());
    }

    public void addPermissions(UUID serviceId, List<String> permissions) {
        for (String permission : permissions) {
            jdbc.sql("INSERT INTO service_permissions (service_id, permission) VALUES (:id, :permission) ON CONFLICT DO NOTHING")
                    .param("id", serviceId)
                    .param("permission", permission)
                    .update();
        }
    }

    public record NewService(UUID id, String name, boolean restricted, String emailFrom, boolean prefixSms, int rateLimit,
                             List<String> permissions, UUID createdBy) {
    }
}
