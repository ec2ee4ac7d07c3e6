package org.notifyhub.services;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and the services they belong to, as far as the admin API needs them. */
@Repository
public class TeamRepository {

    private final JdbcClient jdbc;

    public TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean userExists(UUID userId) {
        return userId != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)")
                .param("id", userId)
                .query(Boolean.class)
                .single();
    }

    public void addToService(UUID userId, UUID serviceId) {
        jdbc.sql("INSERT INTO user_to_service (user_id, service_id) VALUES (:userId, :serviceId) ON CONFLICT DO NOTHING")
                .param("userId", userId)
                .param("serviceId", serviceId)
                .update();
    }
}
