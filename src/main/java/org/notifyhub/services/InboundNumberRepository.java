package org.notifyhub.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** inbound_numbers: the pool of numbers, each allocated to at most one service. */
@Repository
public class InboundNumberRepository {

    private static final String SELECT = """
            SELECT i.id, i.number, i.provider, i.service_id, s.name AS service_name, i.active, i.created_at, i.updated_at
            FROM inbound_numbers i LEFT JOIN services s ON s.id = i.service_id""";

    private final JdbcClient jdbc;

    public InboundNumberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<InboundNumberRow> findAll() {
        return jdbc.sql(SELECT + " ORDER BY i.updated_at NULLS FIRST, i.number").query(InboundNumberRepository::map).list();
    }

    /** Active numbers no service has. */
    public List<InboundNumberRow> findAvailable() {
        return jdbc.sql(SELECT + " WHERE i.active AND i.service_id IS NULL ORDER BY i.number")
                .query(InboundNumberRepository::map)
                .list();
    }

    public Optional<InboundNumberRow> findForService(UUID serviceId) {
        return jdbc.sql(SELECT + " WHERE i.service_id = :serviceId").param("serviceId", serviceId)
                .query(InboundNumberRepository::map)
                .optional();
    }

    public Optional<InboundNumberRow> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id").param("id", id).query(InboundNumberRepository::map).optional();
    }

    /** Throws DuplicateKeyException when the number is already in the pool. */
    public void insert(UUID id, String number, String provider, boolean active, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO inbound_numbers (id, number, provider, active, created_at)
                        VALUES (:id, :number, :provider, :active, :now)""")
                .param("id", id)
                .param("number", number)
                .param("provider", provider)
                .param("active", active)
                .param("now", now)
                .update();
    }

    /** Gives an available number to a service; false when it is taken, inactive or unknown. */
    public boolean allocate(UUID id, UUID serviceId, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE inbound_numbers SET service_id = :serviceId, updated_at = :now
                        WHERE id = :id AND active AND service_id IS NULL""")
                .param("id", id)
                .param("serviceId", serviceId)
                .param("now", now)
                .update() > 0;
    }

    /** Switches a service's number on or off; false when the service has none. */
    public boolean setActive(UUID serviceId, boolean active, LocalDateTime now) {
        return jdbc.sql("UPDATE inbound_numbers SET active = :active, updated_at = :now WHERE service_id = :serviceId")
                .param("serviceId", serviceId)
                .param("active", active)
                .param("now", now)
                .update() > 0;
    }

    private static InboundNumberRow map(ResultSet rs, int row) throws SQLException {
        return new InboundNumberRow(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("provider"),
                rs.getObject("service_id", UUID.class), rs.getString("service_name"), rs.getBoolean("active"),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("updated_at", LocalDateTime.class));
    }
}
