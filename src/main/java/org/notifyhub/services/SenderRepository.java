package org.notifyhub.services;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A service's email reply-to addresses, SMS senders and letter contact blocks. */
@Repository
public class SenderRepository {

    private final JdbcClient jdbc;

    public SenderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> defaultReplyTo(UUID serviceId) {
        return jdbc.sql("""
                        SELECT email_address FROM service_email_reply_to
                        WHERE service_id = :serviceId AND is_default AND NOT archived""")
                .param("serviceId", serviceId)
                .query(String.class)
                .optional();
    }

    public Optional<String> replyTo(UUID serviceId, UUID replyToId) {
        return jdbc.sql("""
                        SELECT email_address FROM service_email_reply_to
                        WHERE service_id = :serviceId AND id = :id AND NOT archived""")
                .param("serviceId", serviceId)
                .param("id", replyToId)
                .query(String.class)
                .optional();
    }

    public Optional<String> defaultSmsSender(UUID serviceId) {
        return jdbc.sql("""
                        SELECT sms_sender FROM service_sms_senders
                        WHERE service_id = :serviceId AND is_default AND NOT archived""")
                .param("serviceId", serviceId)
                .query(String.class)
                .optional();
    }

    public Optional<String> smsSender(UUID serviceId, UUID senderId) {
        return jdbc.sql("""
                        SELECT sms_sender FROM service_sms_senders
                        WHERE service_id = :serviceId AND id = :id AND NOT archived""")
                .param("serviceId", serviceId)
                .param("id", senderId)
                .query(String.class)
                .optional();
    }

    public Optional<String> defaultLetterContact(UUID serviceId) {
        return jdbc.sql("""
                        SELECT contact_block FROM service_letter_contacts
                        WHERE service_id = :serviceId AND is_default AND NOT archived""")
                .param("serviceId", serviceId)
                .query(String.class)
                .optional();
    }

    public void addReplyTo(UUID serviceId, String emailAddress, boolean isDefault) {
        jdbc.sql("""
                        INSERT INTO service_email_reply_to (id, service_id, email_address, is_default)
                        VALUES (:id, :serviceId, :email, :isDefault)""")
                .param("id", UUID.randomUUID())
                .param("serviceId", serviceId)
                .param("email", emailAddress)
                .param("isDefault", isDefault)
                .update();
    }

    public void addSmsSender(UUID serviceId, String smsSender, boolean isDefault) {
        jdbc.sql("""
                        INSERT INTO service_sms_senders (id, service_id, sms_sender, is_default)
                        VALUES (:id, :serviceId, :sender, :isDefault)""")
                .param("id", UUID.randomUUID())
                .param("serviceId", serviceId)
                .param("sender", smsSender)
                .param("isDefault", isDefault)
                .update();
    }
}
