package org.notifyhub.broadcasts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** broadcast_message: every change of status is one guarded UPDATE (… WHERE status = the expected one). */
@Repository
public class BroadcastMessageRepository {

    private static final String COLUMNS = """
            id, service_id, content, areas::text AS areas, status, starts_at, finishes_at, created_at, approved_at,
            cancelled_at, updated_at, created_by_id, approved_by_id, cancelled_by_id, created_by_api_key_id, reference,
            cap_event, stubbed""";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public BroadcastMessageRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public void insert(BroadcastMessage m) {
        jdbc.sql("""
                        INSERT INTO broadcast_message (id, service_id, content, areas, status, starts_at, finishes_at,
                            created_at, created_by_id, created_by_api_key_id, reference, cap_event, stubbed)
                        VALUES (:id, :serviceId, :content, CAST(:areas AS jsonb), :status, :startsAt, :finishesAt,
                            :createdAt, :createdBy, :apiKey, :reference, :capEvent, :stubbed)""")
                .param("id", m.id()).param("serviceId", m.serviceId()).param("content", m.content())
                .param("areas", json(m.areas())).param("status", m.status()).param("startsAt", m.startsAt())
                .param("finishesAt", m.finishesAt()).param("createdAt", m.createdAt())
                .param("createdBy", m.createdById()).param("apiKey", m.createdByApiKeyId())
                .param("reference", m.reference()).param("capEvent", m.capEvent()).param("stubbed", m.stubbed())
                .update();
    }

    public Optional<BroadcastMessage> find(UUID serviceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM broadcast_message WHERE id = :id AND service_id = :serviceId")
                .param("id", id).param("serviceId", serviceId).query(this::map).optional();
    }

    public List<BroadcastMessage> list(UUID serviceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM broadcast_message WHERE service_id = :serviceId ORDER BY created_at")
                .param("serviceId", serviceId).query(this::map).list();
    }

    /** The service's pending or broadcasting messages whose reference is one of these (a CAP cancel's targets). */
    public List<BroadcastMessage> findLiveByReferences(UUID serviceId, Collection<String> references) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM broadcast_message
                        WHERE service_id = :serviceId AND reference IN (:references)
                          AND status IN ('pending-approval', 'broadcasting')""")
                .param("serviceId", serviceId).param("references", references).query(this::map).list();
    }

    /** Edits a message still before broadcast; empty when it has moved on meanwhile. */
    public Optional<BroadcastMessage> update(BroadcastMessage edited, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE broadcast_message
                           SET starts_at = :startsAt, finishes_at = :finishesAt, areas = CAST(:areas AS jsonb),
                               updated_at = :now
                         WHERE id = :id AND status IN ('draft', 'pending-approval', 'rejected')
                        RETURNING""" + " " + COLUMNS)
                .param("startsAt", edited.startsAt()).param("finishesAt", edited.finishesAt())
                .param("areas", json(edited.areas())).param("now", now).param("id", edited.id())
                .query(this::map).optional();
    }

    /**
     * Moves a message from the status it was read in to the next one, with who did it and when: empty when another
     * request moved it first. Approval fixes the broadcast's times; cancelling records who cancelled.
     */
    public Optional<BroadcastMessage> move(Transition t) {
        return jdbc.sql("""
                        UPDATE broadcast_message
                           SET status = :to, updated_at = :now,
                               approved_at = CASE WHEN :to = 'broadcasting' THEN :now ELSE approved_at END,
                               approved_by_id = CASE WHEN :to = 'broadcasting' THEN :userId ELSE approved_by_id END,
                               starts_at = CASE WHEN :to = 'broadcasting' THEN :startsAt ELSE starts_at END,
                               finishes_at = CASE WHEN :to = 'broadcasting' THEN :finishesAt ELSE finishes_at END,
                               cancelled_at = CASE WHEN :to = 'cancelled' THEN :now ELSE cancelled_at END,
                               cancelled_by_id = CASE WHEN :to = 'cancelled' THEN :userId ELSE cancelled_by_id END,
                               cancelled_by_api_key_id = CASE WHEN :to = 'cancelled' THEN :apiKeyId
                                                              ELSE cancelled_by_api_key_id END
                         WHERE id = :id AND status = :from
                        RETURNING""" + " " + COLUMNS)
                .param("to", t.to()).param("from", t.from()).param("now", t.now()).param("userId", t.userId())
                .param("apiKeyId", t.apiKeyId()).param("startsAt", t.startsAt()).param("finishesAt", t.finishesAt())
                .param("id", t.messageId()).query(this::map).optional();
    }

    /** One guarded move of status; who made it is a user (admin) or an API key (v2). */
    public record Transition(UUID messageId, String from, String to, LocalDateTime now, UUID userId, UUID apiKeyId,
                             LocalDateTime startsAt, LocalDateTime finishesAt) {
    }

    /** auto-expire-broadcast-messages: what was on air past its finish is completed; returns how many. */
    public List<UUID> completeFinished(LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE broadcast_message SET status = 'completed', updated_at = :now
                         WHERE status = 'broadcasting' AND finishes_at <= :now
                        RETURNING id""")
                .param("now", now).query(UUID.class).list();
    }

    public boolean userInService(UUID userId, UUID serviceId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_to_service WHERE user_id = :userId AND service_id = :serviceId)")
                .param("userId", userId).param("serviceId", serviceId).query(Boolean.class).single();
    }

    public boolean userExists(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)").param("id", userId)
                .query(Boolean.class).single();
    }

    /** The service's broadcast channel (service_broadcast_settings), if it has settings. */
    public Optional<String> channel(UUID serviceId) {
        return jdbc.sql("SELECT channel FROM service_broadcast_settings WHERE service_id = :serviceId")
                .param("serviceId", serviceId).query(String.class).optional();
    }

    private BroadcastMessage map(ResultSet rs, int row) throws SQLException {
        return new BroadcastMessage(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getString("content"), parse(rs.getString("areas")), rs.getString("status"),
                time(rs, "starts_at"), time(rs, "finishes_at"), time(rs, "created_at"), time(rs, "approved_at"),
                time(rs, "cancelled_at"), time(rs, "updated_at"), rs.getObject("created_by_id", UUID.class),
                rs.getObject("approved_by_id", UUID.class), rs.getObject("cancelled_by_id", UUID.class),
                rs.getObject("created_by_api_key_id", UUID.class), rs.getString("reference"),
                rs.getString("cap_event"), rs.getBoolean("stubbed"));
    }

    /** A naive UTC timestamp as it is stored: read as a LocalDateTime, never through the JVM's own time zone. */
    static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write broadcast areas", e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable broadcast areas", e);
        }
    }
}
