package org.notifyhub.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Services as the admin API reads and writes them: every setting, permissions included. */
@Repository
public class ServiceAdminRepository {

    private static final String SELECT = """
            SELECT s.id, s.name, s.active, s.restricted, s.research_mode, s.email_from, s.prefix_sms, s.rate_limit,
                   s.email_message_limit, s.sms_message_limit, s.letter_message_limit,
                   s.international_sms_message_limit, s.organisation_id, s.organisation_type, s.contact_link,
                   s.crown, s.created_by_id, s.created_at, s.updated_at, s.version,
                   ARRAY(SELECT p.permission FROM service_permissions p WHERE p.service_id = s.id
                         ORDER BY p.permission) AS permissions
            FROM services s""";

    private final JdbcClient jdbc;

    public ServiceAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ServiceRecord> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(ServiceAdminRepository::map).optional();
    }

    /** All services, oldest first; only a user's when userId is given. */
    public List<ServiceRecord> findAll(boolean onlyActive, UUID userId) {
        return jdbc.sql(SELECT + """
                         WHERE (NOT :onlyActive OR s.active)
                          AND (CAST(:userId AS uuid) IS NULL OR EXISTS (
                               SELECT 1 FROM user_to_service u WHERE u.service_id = s.id AND u.user_id = :userId))
                        ORDER BY s.created_at, s.id""")
                .param("onlyActive", onlyActive)
                .param("userId", userId)
                .query(ServiceAdminRepository::map)
                .list();
    }

    /** Locks the service row for the rest of the transaction; false when there is no such service. */
    public boolean lock(UUID id) {
        return jdbc.sql("SELECT id FROM services WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class).optional()
                .isPresent();
    }

    public List<String> permissionTypes() {
        return jdbc.sql("SELECT name FROM service_permission_types ORDER BY name").query(String.class).list();
    }

    public void insert(UUID id, ServiceSettings s, UUID createdBy, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO services (id, name, active, restricted, research_mode, email_from, prefix_sms,
                                              rate_limit,
                                              email_message_limit, sms_message_limit, letter_message_limit,
                                              international_sms_message_limit, organisation_type, contact_link,
                                              crown, created_by_id, created_at)
                        VALUES (:id, :name, :active, :restricted, :researchMode, :emailFrom, :prefixSms, :rateLimit,
                                :emailLimit, :smsLimit, :letterLimit, :internationalSmsLimit, :organisationType,
                                :contactLink, :crown, :createdBy, :now)""")
                .param("id", id)
                .params(settingsParams(s))
                .param("createdBy", createdBy)
                .param("now", now)
                .update();
        replacePermissions(id, s.permissions());
    }

    public void update(UUID id, ServiceSettings s, LocalDateTime now) {
        jdbc.sql("""
                        UPDATE services SET name = :name, active = :active, restricted = :restricted,
                               research_mode = :researchMode, email_from = :emailFrom, prefix_sms = :prefixSms,
                               rate_limit = :rateLimit, email_message_limit = :emailLimit, sms_message_limit = :smsLimit,
                               letter_message_limit = :letterLimit,
                               international_sms_message_limit = :internationalSmsLimit,
                               organisation_type = :organisationType, contact_link = :contactLink,
                               crown = :crown, updated_at = :now, version = version + 1
                        WHERE id = :id""")
                .param("id", id)
                .params(settingsParams(s))
                .param("now", now)
                .update();
        replacePermissions(id, s.permissions());
    }

    private void replacePermissions(UUID serviceId, List<String> permissions) {
        if (permissions.isEmpty()) {
            jdbc.sql("DELETE FROM service_permissions WHERE service_id = :id").param("id", serviceId).update();
            return;
        }
        jdbc.sql("DELETE FROM service_permissions WHERE service_id = :id AND permission NOT IN (:permissions)")
                .param("id", serviceId)
                .param("permissions", permissions)
                .update();
        for (String permission : permissions) {
            jdbc.sql("""
                            INSERT INTO service_permissions (service_id, permission) VALUES (:id, :permission)
                            ON CONFLICT DO NOTHING""")
                    .param("id", serviceId)
                    .param("permission", permission)
                    .update();
        }
    }

    private static Map<String, Object> settingsParams(ServiceSettings s) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", s.name());
        params.put("active", s.active());
        params.put("restricted", s.restricted());
        params.put("researchMode", s.researchMode());
        params.put("emailFrom", s.emailFrom());
        params.put("prefixSms", s.prefixSms());
        params.put("rateLimit", s.rateLimit());
        params.put("emailLimit", s.emailMessageLimit());
        params.put("smsLimit", s.smsMessageLimit());
        params.put("letterLimit", s.letterMessageLimit());
        params.put("internationalSmsLimit", s.internationalSmsMessageLimit());
        params.put("organisationType", s.organisationType());
        params.put("contactLink", s.contactLink());
        params.put("crown", s.crown());
        return params;
    }

    private static ServiceRecord map(ResultSet rs, int row) throws SQLException {
        List<String> permissions = List.of((String[]) rs.getArray("permissions").getArray());
        ServiceSettings settings = new ServiceSettings(rs.getString("name"), rs.getBoolean("active"),
                rs.getBoolean("restricted"), rs.getBoolean("research_mode"), rs.getString("email_from"),
                rs.getBoolean("prefix_sms"), rs.getInt("rate_limit"), rs.getLong("email_message_limit"),
                rs.getLong("sms_message_limit"), rs.getLong("letter_message_limit"),
                rs.getLong("international_sms_message_limit"), rs.getString("organisation_type"),
                rs.getString("contact_link"), (Boolean) rs.getObject("crown"), permissions);
        return new ServiceRecord(rs.getObject("id", UUID.class), settings, rs.getObject("organisation_id", UUID.class),
                rs.getObject("created_by_id", UUID.class), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("updated_at", LocalDateTime.class), rs.getInt("version"));
    }
}
