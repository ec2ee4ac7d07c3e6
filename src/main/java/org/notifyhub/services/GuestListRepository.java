package org.notifyhub.services;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** service_whitelist: the people a trial service or a team key may send to besides the team. */
@Repository
public class GuestListRepository {

    public static final String EMAIL = "email";
    public static final String MOBILE = "mobile";

    /** One guest: recipientType is {@link #EMAIL} or {@link #MOBILE}, the recipient as it was entered. */
    public record Guest(String recipientType, String recipient) {
    }

    private final JdbcClient jdbc;

    public GuestListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Guest> find(UUID serviceId) {
        return jdbc.sql("SELECT recipient_type, recipient FROM service_whitelist WHERE service_id = :serviceId"
                        + " ORDER BY created_at, recipient")
                .param("serviceId", serviceId)
                .query((rs, n) -> new Guest(rs.getString("recipient_type"), rs.getString("recipient")))
                .list();
    }

    /** Replaces the whole list in one transaction: a failure leaves the old list as it was. */
    @Transactional
    public void replace(UUID serviceId, List<Guest> guests) {
        jdbc.sql("DELETE FROM service_whitelist WHERE service_id = :serviceId").param("serviceId", serviceId).update();
        for (Guest guest : guests) {
            jdbc.sql("""
                            INSERT INTO service_whitelist (id, service_id, recipient_type, recipient)
                            VALUES (:id, :serviceId, :type, :recipient)""")
                    .param("id", UUID.randomUUID())
                    .param("serviceId", serviceId)
                    .param("type", guest.recipientType())
                    .param("recipient", guest.recipient())
                    .update();
        }
    }
}
