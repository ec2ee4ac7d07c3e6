package org.notifyhub.services;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people a trial service or a team key may send to: team members and the guest list. */
@Repository
public class TeamRecipients {

    private final JdbcClient jdbc;

    public TeamRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> emailAddresses(UUID serviceId) {
        return jdbc.sql("""
                        SELECT u.email_address FROM users u JOIN user_to_service us ON us.user_id = u.id
                        WHERE us.service_id = :serviceId
                        UNION ALL
                        SELECT recipient FROM service_whitelist WHERE service_id = :serviceId AND recipient_type = 'email'""")
                .param("serviceId", serviceId)
                .query(String.class)
                .list();
    }

    public List<String> phoneNumbers(UUID serviceId) {
        return jdbc.sql("""
                        SELECT u.mobile_number FROM users u JOIN user_to_service us ON us.user_id = u.id
                        WHERE us.service_id = :serviceId AND u.mobile_number IS NOT NULL
                        UNION ALL
                        SELECT recipient FROM service_whitelist WHERE service_id = :serviceId AND recipient_type = 'mobile'""")
                .param("serviceId", serviceId)
                .query(String.class)
                .list();
    }
}
