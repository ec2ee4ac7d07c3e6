package org.notifyhub.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Listing and revoking API keys; creating one is {@link ApiKeyRepository#insert}, which encrypts the secret. */
@Repository
public class ApiKeyAdminRepository {

    private static final String SELECT = """
            SELECT id, name, key_type, expiry_date, created_by_id, created_at, updated_at, version FROM api_keys""";

    private final JdbcClient jdbc;

    public ApiKeyAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Live keys, and keys revoked after the cut-off. */
    public List<ApiKeyRecord> findLiveOrRevokedSince(UUID serviceId, LocalDateTime revokedSince) {
        return jdbc.sql(SELECT + """
                         WHERE service_id = :serviceId AND (expiry_date IS NULL OR expiry_date > :revokedSince)
                        ORDER BY created_at, name""")
                .param("serviceId", serviceId)
                .param("revokedSince", revokedSince)
                .query(ApiKeyAdminRepository::map)
                .list();
    }

    public Optional<ApiKeyRecord> findLive(UUID serviceId, UUID keyId) {
        return jdbc.sql(SELECT + " WHERE service_id = :serviceId AND id = :id AND expiry_date IS NULL")
                .param("serviceId", serviceId)
                .param("id", keyId)
                .query(ApiKeyAdminRepository::map)
                .optional();
    }

    public boolean liveNameTaken(UUID serviceId, String name) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_keys WHERE service_id = :serviceId AND name = :name"
                        + " AND expiry_date IS NULL)")
                .param("serviceId", serviceId)
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    /** Revokes a key (a key already revoked keeps its date); false when the service has no such key. */
    public boolean revoke(UUID serviceId, UUID keyId, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE api_keys SET expiry_date = COALESCE(expiry_date, :now), updated_at = :now,
                               version = version + 1
                        WHERE service_id = :serviceId AND id = :id""")
                .param("serviceId", serviceId)
                .param("id", keyId)
                .param("now", now)
                .update() > 0;
    }

    public void revokeAll(UUID serviceId, LocalDateTime now) {
        jdbc.sql("""
                        UPDATE api_keys SET expiry_date = :now, updated_at = :now, version = version + 1
                        WHERE service_id = :serviceId AND expiry_date IS NULL""")
                .param("serviceId", serviceId)
                .param("now", now)
                .update();
    }

    private static ApiKeyRecord map(ResultSet rs, int row) throws SQLException {
        return new ApiKeyRecord(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("key_type"),
                rs.getObject("expiry_date", LocalDateTime.class), rs.getObject("created_by_id", UUID.class),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("updated_at", LocalDateTime.class),
                rs.getInt("version"));
    }
}
