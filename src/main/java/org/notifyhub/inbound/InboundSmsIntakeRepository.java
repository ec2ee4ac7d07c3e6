package org.notifyhub.inbound;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for taking in a received text message: whose number it is, and the encrypted inbound_sms row. */
@Repository
public class InboundSmsIntakeRepository {

    private final JdbcClient jdbc;

    public InboundSmsIntakeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InboundSmsRecipient> findRecipient(String number) {
        return jdbc.sql("""
                        SELECT n.service_id, n.number,
                               EXISTS (SELECT 1 FROM service_permissions p
                                        WHERE p.service_id = n.service_id AND p.permission = 'inbound_sms') AS inbound_sms_allowed
                        FROM inbound_numbers n
                        WHERE n.number = :number AND n.active AND n.service_id IS NOT NULL""")
                .param("number", number)
                .query(InboundSmsRecipient.class)
                .optional();
    }

    /** @param encryptedContent the message text, already encrypted: it is never stored in the clear */
    public void insert(UUID id, InboundSmsRecipient recipient, String userNumber, InboundSmsMessage message,
                       String encryptedContent, LocalDateTime createdAt) {
        jdbc.sql("""
                        INSERT INTO inbound_sms (id, created_at, service_id, notify_number, user_number, provider_date,
                                                 provider_reference, provider, content)
                        VALUES (:id, :createdAt, :serviceId, :notifyNumber, :userNumber, :providerDate,
                                :providerReference, :provider, :content)""")
                .param("id", id)
                .param("createdAt", createdAt)
                .param("serviceId", recipient.serviceId())
                .param("notifyNumber", recipient.number())
                .param("userNumber", userNumber)
                .param("providerDate", message.providerDate())
                .param("providerReference", message.providerReference())
                .param("provider", message.provider())
                .param("content", encryptedContent)
                .update();
    }
}
