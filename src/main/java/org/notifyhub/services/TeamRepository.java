package org.notifyhub.services;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and the services they belong to: for the admin API, and the team a trial service may send to. */
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

    /** The email addresses of the service's team and of its guest list, as stored. */
    public List<String> teamEmailAddresses(UUID serviceId) {
        return jdbc.sql("""
                        SELECT u.email_address FROM users u JOIN user_to_service us ON us.user_id = u.id
                        WHERE us.service_id = :serviceId
                        UNION ALL
                        SELECT recipient FROM service_whitelist WHERE service_id = :serviceId AND recipient_type = 'email'""")
                .param("serviceId", serviceId)
                .query(String.class)
                .list();
    }

    /** The mobile numbers of the service's team and of its guest list, as stored. */
    public List<String> teamPhoneNumbers(UUID serviceId) {
        return jdbc.sql("""
                        SELECT u.mobile_number FROM users u JOIN user_to_service us ON us.user_id = u.id
                        WHERE us.service_id = :serviceId AND u.mobile_number IS NOT NULL
                        UNION ALL
                        SELECT recipient FROM service_whitelist WHERE service_id = :serviceId AND recipient_type = 'mobile'""")
                .param("serviceId", serviceId)
                .query(String.class)
                .list();
    }

    public void addToService(UUID userId, UUID serviceId) {
        jdbc.sql("INSERT INTO user_to_service (user_id, service_id) VALUES (:userId, :serviceId) ON CONFLICT DO NOTHING")
                .param("userId", userId)
                .param("serviceId", serviceId)
                .update();
    }
}
