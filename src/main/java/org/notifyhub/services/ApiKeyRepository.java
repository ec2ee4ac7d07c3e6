package org.notifyhub.services;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.notifyhub.common.Encryption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private final JdbcClient jdbc;
    private final Encryption encryption;

    public ApiKeyRepository(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    public List<ApiKey> forService(UUID serviceId) {
        return jdbc.sql("SELECT id, name, secret, service_id, key_type, expiry_date FROM api_keys WHERE service_id = :serviceId")
                .param("serviceId", serviceId)
                .query((rs, n) -> new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"),
                        encryption.decrypt(rs.getString("secret")), rs.getObject("service_id", UUID.class),
                        rs.getString("key_type"), rs.getObject("expiry_date", LocalDateTime.class)))
                .list();
    }

    public void insert(ApiKey key, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO api_keys (id, name, secret, service_id, key_type, created_by_id)
                        VALUES (:id, :name, :secret, :serviceId, :keyType, :createdBy)""")
                .param("id", key.id())
                .param("name", key.name())
                .param("secret", encryption.encrypt(key.secret()))
                .param("serviceId", key.serviceId())
                .param("keyType", key.keyType())
                .param("createdBy", createdBy)
                .update();
    }
}
