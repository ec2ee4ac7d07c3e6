package org.notifyhub.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reply-to addresses, SMS senders and letter contacts, one table per {@link SenderKind}. */
@Repository
public class SenderAdminRepository {

    private final JdbcClient jdbc;

    public SenderAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A service's senders that are not archived, the default first, then the newest. */
    public List<SenderRow> findActive(SenderKind kind, UUID serviceId) {
        return jdbc.sql(select(kind)
                        + " WHERE service_id = :serviceId AND NOT archived ORDER BY is_default DESC, created_at DESC")
                .param("serviceId", serviceId)
                .query(SenderAdminRepository::map)
                .list();
    }

    public Optional<SenderRow> find(SenderKind kind, UUID serviceId, UUID id, boolean includeArchived) {
        return jdbc.sql(select(kind) + " WHERE service_id = :serviceId AND id = :id AND (:includeArchived OR NOT archived)")
                .param("serviceId", serviceId)
                .param("id", id)
                .param("includeArchived", includeArchived)
                .query(SenderAdminRepository::map)
                .optional();
    }

    public void insert(SenderKind kind, UUID id, UUID serviceId, String value, boolean isDefault, LocalDateTime now) {
        jdbc.sql("INSERT INTO " + kind.table() + " (id, service_id, " + kind.valueColumn() + ", is_default, created_at)"
                        + " VALUES (:id, :serviceId, :value, :isDefault, :now)")
                .param("id", id)
                .param("serviceId", serviceId)
                .param("value", value)
                .param("isDefault", isDefault)
                .param("now", now)
                .update();
    }

    public void update(SenderKind kind, UUID serviceId, UUID id, String value, boolean isDefault, LocalDateTime now) {
        jdbc.sql("UPDATE " + kind.table() + " SET " + kind.valueColumn() + " = :value, is_default = :isDefault,"
                        + " updated_at = :now WHERE service_id = :serviceId AND id = :id")
                .param("serviceId", serviceId)
                .param("id", id)
                .param("value", value)
                .param("isDefault", isDefault)
                .param("now", now)
                .update();
    }

    public void clearDefault(SenderKind kind, UUID serviceId, LocalDateTime now) {
        jdbc.sql("UPDATE " + kind.table() + " SET is_default = false, updated_at = :now"
                        + " WHERE service_id = :serviceId AND is_default AND NOT archived")
                .param("serviceId", serviceId)
                .param("now", now)
                .update();
    }

    public void archive(SenderKind kind, UUID serviceId, UUID id, LocalDateTime now) {
        jdbc.sql("UPDATE " + kind.table() + " SET archived = true, updated_at = :now"
                        + " WHERE service_id = :serviceId AND id = :id")
                .param("serviceId", serviceId)
                .param("id", id)
                .param("now", now)
                .update();
    }

    /** Makes an SMS sender the service's inbound number: its text becomes the number and can no longer change. */
    public void attachInboundNumber(UUID serviceId, UUID senderId, String number, UUID inboundNumberId,
                                    LocalDateTime now) {
        jdbc.sql("""
                        UPDATE service_sms_senders SET sms_sender = :number, inbound_number_id = :inboundNumberId,
                               updated_at = :now
                        WHERE service_id = :serviceId AND id = :id""")
                .param("serviceId", serviceId)
                .param("id", senderId)
                .param("number", number)
                .param("inboundNumberId", inboundNumberId)
                .param("now", now)
                .update();
    }

    private static String select(SenderKind kind) {
        return "SELECT id, service_id, " + kind.valueColumn() + " AS value, is_default, archived, "
                + kind.inboundNumberColumn() + " AS inbound_number_id, created_at, updated_at FROM " + kind.table();
    }

    private static SenderRow map(ResultSet rs, int row) throws SQLException {
        return new SenderRow(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getString("value"), rs.getBoolean("is_default"), rs.getBoolean("archived"),
                rs.getObject("inbound_number_id", UUID.class), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("updated_at", LocalDateTime.class));
    }
}
