package org.notifyhub.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.Encryption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * service_callback_api: one URL per service and callback type; bearer tokens are encrypted on the way in. The admin
 * API writes it; service callbacks read it.
 */
@Repository
public class CallbackApiRepository {

    private static final String SELECT = """
            SELECT id, service_id, callback_type, url, updated_by_id, created_at, updated_at FROM service_callback_api""";

    private final JdbcClient jdbc;
    private final Encryption encryption;

    public CallbackApiRepository(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    public List<CallbackApiRow> findForService(UUID serviceId) {
        return jdbc.sql(SELECT + " WHERE service_id = :serviceId ORDER BY callback_type")
                .param("serviceId", serviceId)
                .query(CallbackApiRepository::map)
                .list();
    }

    public Optional<CallbackApiRow> find(UUID serviceId, UUID id, String callbackType) {
        return jdbc.sql(SELECT + " WHERE service_id = :serviceId AND id = :id AND callback_type = :type")
                .param("serviceId", serviceId)
                .param("id", id)
                .param("type", callbackType)
                .query(CallbackApiRepository::map)
                .optional();
    }

    /** Where the service wants callbacks of this type, if anywhere, with the bearer token still encrypted. */
    public Optional<ServiceCallbackApi> find(UUID serviceId, CallbackType type) {
        return jdbc.sql("SELECT url, bearer_token FROM service_callback_api WHERE service_id = :serviceId AND callback_type = :type")
                .param("serviceId", serviceId)
                .param("type", type.wireName())
                .query((rs, n) -> new ServiceCallbackApi(rs.getString("url"), rs.getString("bearer_token")))
                .optional();
    }

    /** Throws DuplicateKeyException when the service already has a callback of this type. */
    public void insert(CallbackApiRow row, String bearerToken) {
        jdbc.sql("""
                        INSERT INTO service_callback_api (id, service_id, callback_type, url, bearer_token, updated_by_id,
                                                          created_at)
                        VALUES (:id, :serviceId, :type, :url, :token, :updatedBy, :createdAt)""")
                .param("id", row.id())
                .param("serviceId", row.serviceId())
                .param("type", row.callbackType())
                .param("url", row.url())
                .param("token", encryption.encrypt(bearerToken))
                .param("updatedBy", row.updatedById())
                .param("createdAt", row.createdAt())
                .update();
    }

    /** Changes the URL and token where given (null keeps the old one) and records who changed it. */
    public void update(UUID id, String url, String bearerToken, UUID updatedBy, LocalDateTime now) {
        jdbc.sql("""
                        UPDATE service_callback_api SET url = COALESCE(CAST(:url AS text), url),
                               bearer_token = COALESCE(CAST(:token AS text), bearer_token),
                               updated_by_id = :updatedBy, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .param("url", url)
                .param("token", encryption.encrypt(bearerToken))
                .param("updatedBy", updatedBy)
                .param("now", now)
                .update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM service_callback_api WHERE id = :id").param("id", id).update();
    }

    private static CallbackApiRow map(ResultSet rs, int row) throws SQLException {
        return new CallbackApiRow(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getString("callback_type"), rs.getString("url"), rs.getObject("updated_by_id", UUID.class),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("updated_at", LocalDateTime.class));
    }
}
