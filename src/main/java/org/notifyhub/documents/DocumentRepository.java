package org.notifyhub.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DocumentRepository {

    private static final String COLUMNS = """
            id, service_id, notification_id, object_key, filename, mimetype, size_in_bytes, key_check, recipient_email_hash,
            created_at, available_until, deleted_at""";

    private final JdbcClient jdbc;

    public DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The name and contact details a service shows recipients; empty for no such service. */
    public record ServiceContact(String name, String contactLink) {
    }

    public Optional<ServiceContact> serviceContact(UUID serviceId) {
        return jdbc.sql("SELECT name, contact_link FROM services WHERE id = :id")
                .param("id", serviceId)
                .query((rs, n) -> new ServiceContact(rs.getString("name"), rs.getString("contact_link")))
                .optional();
    }

    public void insert(DocumentRow d) {
        jdbc.sql("INSERT INTO documents (" + COLUMNS + """
                        ) VALUES (:id, :serviceId, :notificationId, :objectKey, :filename, :mimetype, :size,
                        :keyCheck, :emailHash, :createdAt, :availableUntil, NULL)""")
                .param("id", d.id())
                .param("serviceId", d.serviceId())
                .param("notificationId", d.notificationId())
                .param("objectKey", d.objectKey())
                .param("filename", d.filename())
                .param("mimetype", d.mimetype())
                .param("size", d.sizeInBytes())
                .param("keyCheck", d.keyCheck())
                .param("emailHash", d.recipientEmailHash())
                .param("createdAt", d.createdAt())
                .param("availableUntil", d.availableUntil())
                .update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM documents WHERE id = :id").param("id", id).update();
    }

    public Optional<DocumentRow> find(UUID serviceId, UUID documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM documents WHERE id = :id AND service_id = :serviceId")
                .param("id", documentId)
                .param("serviceId", serviceId)
                .query(DocumentRepository::map)
                .optional();
    }

    /** Files whose last day is before {@code today} and whose bytes are still in the bucket, oldest first. */
    public List<DocumentRow> expired(LocalDate today, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM documents WHERE deleted_at IS NULL AND available_until < :today
                        ORDER BY available_until LIMIT :limit""")
                .param("today", today)
                .param("limit", limit)
                .query(DocumentRepository::map)
                .list();
    }

    public boolean markDeleted(UUID id, LocalDateTime now) {
        return jdbc.sql("UPDATE documents SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
                .param("now", now)
                .param("id", id)
                .update() == 1;
    }

    private static DocumentRow map(ResultSet rs, int rowNum) throws SQLException {
        return new DocumentRow(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getObject("notification_id", UUID.class), rs.getString("object_key"), rs.getString("filename"),
                rs.getString("mimetype"), rs.getInt("size_in_bytes"), rs.getString("key_check"),
                rs.getString("recipient_email_hash"),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("available_until", LocalDate.class),
                rs.getObject("deleted_at", LocalDateTime.class));
    }
}
