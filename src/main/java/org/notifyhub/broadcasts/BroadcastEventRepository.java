package org.notifyhub.broadcasts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * broadcast_event and broadcast_provider_message. A provider message is claimed per attempt (attempts = the attempt
 * the queue message carries), so two copies of one queue message never both call an operator.
 */
@Repository
public class BroadcastEventRepository {

    private static final String EVENT = """
             id, service_id, broadcast_message_id, sent_at, message_type,
             transmitted_content ->> 'body' AS body, transmitted_areas::text AS areas,
             transmitted_sender, transmitted_starts_at, transmitted_finishes_at
            """;
    private static final String PROVIDER_MESSAGE = """
            SELECT p.id, p.broadcast_event_id, p.provider, p.status, p.attempts, p.created_at,
                   n.broadcast_provider_message_number AS message_number
              FROM broadcast_provider_message p
              LEFT JOIN broadcast_provider_message_number n ON n.broadcast_provider_message_id = p.id
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public BroadcastEventRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public void insert(BroadcastEvent e) {
        try {
            jdbc.sql("""
                            INSERT INTO broadcast_event (id, service_id, broadcast_message_id, sent_at, message_type,
                                transmitted_content, transmitted_areas, transmitted_sender, transmitted_starts_at,
                                transmitted_finishes_at)
                            VALUES (:id, :serviceId, :messageId, :sentAt, :type, CAST(:content AS jsonb),
                                CAST(:areas AS jsonb), :sender, :startsAt, :finishesAt)""")
                    .param("id", e.id()).param("serviceId", e.serviceId()).param("messageId", e.broadcastMessageId())
                    .param("sentAt", e.sentAt()).param("type", e.messageType())
                    .param("content", mapper.writeValueAsString(Map.of("body", e.body())))
                    .param("areas", mapper.writeValueAsString(e.transmittedAreas()))
                    .param("sender", e.transmittedSender()).param("startsAt", e.transmittedStartsAt())
                    .param("finishesAt", e.transmittedFinishesAt()).update();
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException("Could not write a broadcast event", failure);
        }
    }

    public Optional<EventToSend> findToSend(UUID eventId) {
        return jdbc.sql("""
                        SELECT e.id, e.service_id, e.broadcast_message_id, e.sent_at, e.message_type,
                               e.transmitted_content ->> 'body' AS body, e.transmitted_areas::text AS areas,
                               e.transmitted_sender, e.transmitted_starts_at, e.transmitted_finishes_at,
                               s.active, s.restricted, m.stubbed, b.channel, b.provider
                          FROM broadcast_event e
                          JOIN services s ON s.id = e.service_id
                          JOIN broadcast_message m ON m.id = e.broadcast_message_id
                          LEFT JOIN service_broadcast_settings b ON b.service_id = e.service_id
                         WHERE e.id = :id""")
                .param("id", eventId).query((rs, row) -> new EventToSend(event(rs), rs.getBoolean("active"),
                        rs.getBoolean("restricted"), rs.getBoolean("stubbed"), rs.getString("channel"),
                        rs.getString("provider"))).optional();
    }

    /** The message's events sent before this one, earliest first. */
    public List<BroadcastEvent> earlierEvents(BroadcastEvent event) {
        return jdbc.sql("""
                        SELECT""" + EVENT + """
                          FROM broadcast_event
                         WHERE broadcast_message_id = :messageId AND id <> :id AND sent_at < :sentAt
                         ORDER BY sent_at""")
                .param("messageId", event.broadcastMessageId()).param("id", event.id())
                .param("sentAt", event.sentAt()).query((rs, row) -> event(rs)).list();
    }

    public Optional<ProviderMessage> providerMessage(UUID eventId, String provider) {
        return jdbc.sql(PROVIDER_MESSAGE + " WHERE p.broadcast_event_id = :eventId AND p.provider = :provider")
                .param("eventId", eventId).param("provider", provider).query(BroadcastEventRepository::provider)
                .optional();
    }

    /** The event's message for the operator, made on its first attempt (with Vodafone's number) and reused after. */
    public ProviderMessage providerMessageFor(UUID eventId, String provider, boolean numbered, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO broadcast_provider_message (id, broadcast_event_id, provider, status, created_at)
                        VALUES (:id, :eventId, :provider, 'sending', :now)
                        ON CONFLICT (broadcast_event_id, provider) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("eventId", eventId).param("provider", provider)
                .param("now", now).update();
        if (numbered) {
            jdbc.sql("""
                            INSERT INTO broadcast_provider_message_number (broadcast_provider_message_id)
                            SELECT id FROM broadcast_provider_message
                             WHERE broadcast_event_id = :eventId AND provider = :provider
                            ON CONFLICT (broadcast_provider_message_id) DO NOTHING""")
                    .param("eventId", eventId).param("provider", provider).update();
        }
        return providerMessage(eventId, provider).orElseThrow();
    }

    /**
     * Takes attempt {@code attempt} of a provider message still sending: true for exactly one taker. An attempt
     * taken before {@code leaseCutoff} whose worker never finished (no later attempt was queued) may be taken again.
     */
    public boolean claim(UUID providerMessageId, int attempt, LocalDateTime now, LocalDateTime leaseCutoff) {
        return jdbc.sql("""
                        UPDATE broadcast_provider_message SET attempts = :attempt + 1, claimed_at = :now, updated_at = :now
                         WHERE id = :id AND status = 'sending'
                           AND (attempts = :attempt OR (attempts = :attempt + 1 AND claimed_at < :leaseCutoff))""")
                .param("attempt", attempt).param("now", now).param("id", providerMessageId)
                .param("leaseCutoff", leaseCutoff).update() == 1;
    }

    public void acknowledged(UUID providerMessageId, LocalDateTime now) {
        jdbc.sql("""
                        UPDATE broadcast_provider_message SET status = 'returned-ack', updated_at = :now
                         WHERE id = :id AND status = 'sending'""")
                .param("now", now).param("id", providerMessageId).update();
    }

    /**
     * Events no operator has a message for, made before {@code madeBefore} and still before their finish: their
     * send-broadcast-event was lost between the commit and the queue (or never ran). Stubbed messages make no events.
     */
    public List<UUID> unsentEvents(LocalDateTime madeBefore, LocalDateTime now) {
        return jdbc.sql("""
                        SELECT e.id FROM broadcast_event e
                         WHERE e.sent_at < :madeBefore AND e.transmitted_finishes_at > :now
                           AND NOT EXISTS (SELECT 1 FROM broadcast_provider_message p WHERE p.broadcast_event_id = e.id)
                         ORDER BY e.sent_at""")
                .param("madeBefore", madeBefore).param("now", now).query(UUID.class).list();
    }

    /** A number from Vodafone's sequence for a link test, which has no provider message of its own. */
    public long nextMessageNumber() {
        return jdbc.sql("SELECT nextval('broadcast_provider_message_number_seq')").query(Long.class).single();
    }

    public List<ProviderMessage> providerMessages(UUID eventId) {
        return jdbc.sql(PROVIDER_MESSAGE + " WHERE p.broadcast_event_id = :eventId ORDER BY p.provider")
                .param("eventId", eventId).query(BroadcastEventRepository::provider).list();
    }

    public List<BroadcastEvent> events(UUID messageId) {
        return jdbc.sql("""
                        SELECT""" + EVENT + """
                          FROM broadcast_event WHERE broadcast_message_id = :messageId ORDER BY sent_at""")
                .param("messageId", messageId).query((rs, row) -> event(rs)).list();
    }

    private BroadcastEvent event(ResultSet rs) throws SQLException {
        try {
            return new BroadcastEvent(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                    rs.getObject("broadcast_message_id", UUID.class),
                    BroadcastMessageRepository.time(rs, "sent_at"), rs.getString("message_type"),
                    rs.getString("body"), mapper.readTree(rs.getString("areas")),
                    rs.getString("transmitted_sender"), BroadcastMessageRepository.time(rs, "transmitted_starts_at"),
                    BroadcastMessageRepository.time(rs, "transmitted_finishes_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable broadcast event areas", e);
        }
    }

    private static ProviderMessage provider(ResultSet rs, int row) throws SQLException {
        int number = rs.getInt("message_number");
        return new ProviderMessage(rs.getObject("id", UUID.class), rs.getObject("broadcast_event_id", UUID.class),
                rs.getString("provider"), rs.getString("status"), rs.getInt("attempts"),
                BroadcastMessageRepository.time(rs, "created_at"), rs.wasNull() ? null : number);
    }
}
