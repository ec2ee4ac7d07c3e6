package org.notifyhub.templates;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Templates and their version history: every save writes a new history row that notifications can point at. */
@Repository
public class TemplateRepository {

    private static final String SELECT = """
            SELECT h.id, h.service_id, h.name, h.template_type, h.subject, h.content, h.version, h.archived, h.hidden,
                   h.postage, h.created_at, h.updated_at, u.email_address AS created_by_email
            FROM templates_history h JOIN users u ON u.id = h.created_by_id
            """;
    private static final RowMapper<StoredTemplate> MAPPER = (rs, n) -> new StoredTemplate(
            rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class), rs.getString("name"),
            rs.getString("template_type"), rs.getString("subject"), rs.getString("content"), rs.getInt("version"),
            rs.getBoolean("archived"), rs.getBoolean("hidden"), rs.getString("postage"),
            rs.getObject("created_at", LocalDateTime.class), rs.getObject("updated_at", LocalDateTime.class),
            rs.getString("created_by_email"));

    private final JdbcClient jdbc;

    public TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version of a service's template. */
    public Optional<StoredTemplate> findLatest(UUID serviceId, UUID templateId) {
        return jdbc.sql(SELECT + " JOIN templates t ON t.id = h.id AND t.version = h.version"
                        + " WHERE h.id = :id AND h.service_id = :serviceId")
                .param("id", templateId)
                .param("serviceId", serviceId)
                .query(MAPPER)
                .optional();
    }

    public Optional<StoredTemplate> findVersion(UUID serviceId, UUID templateId, int version) {
        return jdbc.sql(SELECT + " WHERE h.id = :id AND h.service_id = :serviceId AND h.version = :version")
                .param("id", templateId)
                .param("serviceId", serviceId)
                .param("version", version)
                .query(MAPPER)
                .optional();
    }

    /**
     * The current versions of a service's templates that the public API lists: archived and hidden ones left out,
     * ordered by name and then type. A null type means every type.
     */
    public List<StoredTemplate> findAllCurrent(UUID serviceId, String typeOrNull) {
        return jdbc.sql(SELECT + " JOIN templates t ON t.id = h.id AND t.version = h.version"
                        + " WHERE t.service_id = :serviceId AND NOT t.archived AND NOT t.hidden"
                        + " AND (CAST(:type AS varchar) IS NULL OR t.template_type = :type)"
                        + " ORDER BY t.name, t.template_type")
                .param("serviceId", serviceId)
                .param("type", typeOrNull)
                .query(MAPPER)
                .list();
    }

    /** The letter contact block a template prints now; it can be detached without a new version being saved. */
    public Optional<String> findLetterContactBlock(UUID templateId) {
        return jdbc.sql("""
                        SELECT c.contact_block FROM templates t
                        JOIN service_letter_contacts c ON c.id = t.service_letter_contact_id
                        WHERE t.id = :id""")
                .param("id", templateId)
                .query(String.class)
                .optional();
    }

    /** The letter contact block a template version was saved with. */
    public Optional<String> findLetterContactBlock(UUID templateId, int version) {
        return jdbc.sql("""
                        SELECT c.contact_block FROM templates_history h
                        JOIN service_letter_contacts c ON c.id = h.service_letter_contact_id
                        WHERE h.id = :id AND h.version = :version""")
                .param("id", templateId)
                .param("version", version)
                .query(String.class)
                .optional();
    }

    @Transactional
    public void insert(UUID id, UUID serviceId, String name, String type, String subject, String content, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO templates (id, name, template_type, content, subject, service_id, created_by_id, version,
                                               postage)
                        VALUES (:id, :name, :type, :content, :subject, :serviceId, :createdBy, 1,
                                CASE WHEN :type = 'letter' THEN 'second' END)""")
                .param("id", id)
                .param("name", name)
                .param("type", type)
                .param("content", content)
                .param("subject", subject)
                .param("serviceId", serviceId)
                .param("createdBy", createdBy)
                .update();
        jdbc.sql("""
                        INSERT INTO templates_history (id, version, name, template_type, created_at, content, archived, hidden,
                                                       subject, postage, service_id, created_by_id, process_type)
                        SELECT id, version, name, template_type, created_at, content, archived, hidden, subject, postage,
                               service_id, created_by_id, process_type
                        FROM templates WHERE id = :id""")
                .param("id", id)
                .update();
    }

    /** The oldest hidden template of this type and name (a system template such as the precompiled letters'). */
    public Optional<UUID> findHidden(UUID serviceId, TemplateType type, String name) {
        return jdbc.sql("""
                        SELECT id FROM templates
                        WHERE service_id = :serviceId AND hidden AND template_type = :type AND name = :name
                        ORDER BY created_at LIMIT 1""")
                .param("serviceId", serviceId)
                .param("type", type.wireName())
                .param("name", name)
                .query(UUID.class)
                .optional();
    }

    /** Hides a template, and its history, from the service's lists. */
    public void hide(UUID id) {
        jdbc.sql("UPDATE templates SET hidden = true WHERE id = :id").param("id", id).update();
        jdbc.sql("UPDATE templates_history SET hidden = true WHERE id = :id").param("id", id).update();
    }
}
