package org.notifyhub.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.notifyhub.notifications.NotificationType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** service_data_retention: one row per service and notification type at most (its unique constraint). */
@Repository
public class DataRetentionRepository {

    private static final String SELECT = """
            SELECT r.id, r.service_id, s.name AS service_name, r.notification_type, r.days_of_retention,
                   r.created_at, r.updated_at
            FROM service_data_retention r JOIN services s ON s.id = r.service_id
            """;

    private final JdbcClient jdbc;

    public DataRetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DataRetention> list(UUID serviceId) {
        return jdbc.sql(SELECT + " WHERE r.service_id = :serviceId ORDER BY r.notification_type")
                .param("serviceId", serviceId).query(DataRetentionRepository::map).list();
    }

    /** Every service's own retention for a type: the services the purge handles one by one. */
    public List<DataRetention> forType(NotificationType type) {
        return jdbc.sql(SELECT + " WHERE r.notification_type = :type ORDER BY r.service_id")
                .param("type", type.wireName()).query(DataRetentionRepository::map).list();
    }

    public Optional<DataRetention> find(UUID serviceId, UUID id) {
        return jdbc.sql(SELECT + " WHERE r.service_id = :serviceId AND r.id = :id")
                .param("serviceId", serviceId).param("id", id).query(DataRetentionRepository::map).optional();
    }

    public Optional<DataRetention> find(UUID serviceId, NotificationType type) {
        return jdbc.sql(SELECT + " WHERE r.service_id = :serviceId AND r.notification_type = :type")
                .param("serviceId", serviceId).param("type", type.wireName()).query(DataRetentionRepository::map).optional();
    }

    /** False when the service already has a retention for that type (the unique constraint decides, not a read). */
    public boolean insert(UUID id, UUID serviceId, NotificationType type, int days, LocalDateTime now) {
        try {
            jdbc.sql("""
                            INSERT INTO service_data_retention (id, service_id, notification_type, days_of_retention, created_at)
                            VALUES (:id, :serviceId, :type, :days, :now)""")
                    .param("id", id).param("serviceId", serviceId).param("type", type.wireName())
                    .param("days", days).param("now", now).update();
            return true;
        } catch (DuplicateKeyException alreadySet) {
            return false;
        }
    }

    public boolean update(UUID serviceId, UUID id, int days, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE service_data_retention SET days_of_retention = :days, updated_at = :now
                        WHERE id = :id AND service_id = :serviceId""")
                .param("days", days).param("now", now).param("id", id).param("serviceId", serviceId)
                .update() == 1;
    }

    private static DataRetention map(ResultSet rs, int row) throws SQLException {
        return new DataRetention(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getString("service_name"), NotificationType.fromWireName(rs.getString("notification_type")),
                rs.getInt("days_of_retention"), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("updated_at", LocalDateTime.class));
    }
}
