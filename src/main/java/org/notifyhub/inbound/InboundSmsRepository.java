package org.notifyhub.inbound;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.common.Encryption;
import org.notifyhub.common.RetentionScope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Received text messages and the inbound numbers they arrive on. Their content is encrypted at rest and decrypted
 * only as rows are read.
 */
@Repository
public class InboundSmsRepository {

    private final JdbcClient jdbc;
    private final Encryption encryption;
    private final RowMapper<InboundSms> mapper;

    public InboundSmsRepository(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.mapper = (rs, n) -> new InboundSms(rs.getObject("id", UUID.class),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("service_id", UUID.class),
                rs.getString("notify_number"), rs.getString("user_number"), rs.getString("provider"),
                rs.getObject("provider_date", LocalDateTime.class), rs.getString("provider_reference"),
                encryption.decrypt(rs.getString("content")));
    }

    /**
     * One page of a service's messages, newest first. With {@code olderThanOrNull}, only messages created before
     * that message; an id that matches no message gives an empty page, as Notify's does.
     */
    public List<InboundSms> findPage(UUID serviceId, UUID olderThanOrNull, int pageSize) {
        return jdbc.sql("""
                        SELECT id, created_at, service_id, notify_number, user_number, provider, provider_date,
                               provider_reference, content
                        FROM inbound_sms
                        WHERE service_id = :serviceId
                          AND (CAST(:olderThan AS uuid) IS NULL
                               OR created_at < (SELECT o.created_at FROM inbound_sms o WHERE o.id = :olderThan))
                        ORDER BY created_at DESC, id DESC
                        LIMIT :pageSize""")
                .param("serviceId", serviceId)
                .param("olderThan", olderThanOrNull)
                .param("pageSize", pageSize)
                .query(mapper)
                .list();
    }

    /** The service an active inbound number belongs to, and whether it may receive text messages. */
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

    /** Stores the message with its content encrypted: it is never stored in the clear. */
    public void insert(InboundSms sms) {
        jdbc.sql("""
                        INSERT INTO inbound_sms (id, created_at, service_id, notify_number, user_number, provider,
                                                 provider_date, provider_reference, content)
                        VALUES (:id, :createdAt, :serviceId, :notifyNumber, :userNumber, :provider, :providerDate,
                                :providerReference, :content)""")
                .param("id", sms.id())
                .param("createdAt", sms.createdAt())
                .param("serviceId", sms.serviceId())
                .param("notifyNumber", sms.notifyNumber())
                .param("userNumber", sms.userNumber())
                .param("provider", sms.provider())
                .param("providerDate", sms.providerDate())
                .param("providerReference", sms.providerReference())
                .param("content", encryption.encrypt(sms.content()))
                .update();
    }

    /**
     * Deletes up to {@code limit} texts received before {@code cutOff}, of one service or (service null) of every
     * service without an SMS retention of its own; returns how many (the caller repeats until none are left).
     */
    public int deleteReceivedBefore(UUID serviceId, LocalDateTime cutOff, int limit) {
        String scope = RetentionScope.where(serviceId, "inbound_sms.service_id", "'sms'");
        return jdbc.sql("DELETE FROM inbound_sms WHERE id IN (SELECT id FROM inbound_sms WHERE created_at < :cutOff"
                        + scope + " ORDER BY created_at LIMIT :limit)")
                .param("cutOff", cutOff).param("serviceId", serviceId).param("limit", limit)
                .update();
    }
}
