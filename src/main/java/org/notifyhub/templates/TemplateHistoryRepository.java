package org.notifyhub.templates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Templates as the admin API writes them: every save is a new version in templates_history, which notifications
 * point at, so a notification keeps the wording it was sent with.
 */
@Repository
public class TemplateHistoryRepository {

    private static final String COLUMNS = """
            t.id, t.service_id, t.version, t.name, t.template_type, t.content, t.subject, t.postage, t.archived,
            t.hidden, t.process_type, t.service_letter_contact_id, t.created_by_id, t.created_at, t.updated_at,
            c.contact_block, u.name AS created_by_name, u.email_address AS created_by_email""";
    private static final String JOINS = """
             LEFT JOIN service_letter_contacts c ON c.id = t.service_letter_contact_id
             JOIN users u ON u.id = t.created_by_id""";
    private static final String COPY_TO_HISTORY = """
            INSERT INTO templates_history (id, version, name, template_type, created_at, updated_at, content, archived,
                                           hidden, subject, postage, service_id, created_by_id, process_type,
                                           service_letter_contact_id)
            SELECT id, version, name, template_type, created_at, updated_at, content, archived, hidden, subject, postage,
                   service_id, created_by_id, process_type, service_letter_contact_id
            FROM templates WHERE id = :id""";

    private final JdbcClient jdbc;

    public TemplateHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version, archived or not. */
    public Optional<TemplateVersion> findCurrent(UUID serviceId, UUID templateId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM templates t " + JOINS
                        + " WHERE t.id = :id AND t.service_id = :serviceId")
                .param("id", templateId)
                .param("serviceId", serviceId)
                .query(TemplateHistoryRepository::map)
                .optional();
    }

    /** A service's templates that are not archived, by name then type. */
    public List<TemplateVersion> findAllCurrent(UUID serviceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM templates t " + JOINS
                        + " WHERE t.service_id = :serviceId AND NOT t.archived ORDER BY t.name, t.template_type")
                .param("serviceId", serviceId)
                .query(TemplateHistoryRepository::map)
                .list();
    }

    public Optional<TemplateVersion> findVersion(UUID serviceId, UUID templateId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM templates_history t " + JOINS
                        + " WHERE t.id = :id AND t.service_id = :serviceId AND t.version = :version")
                .param("id", templateId)
                .param("serviceId", serviceId)
                .param("version", version)
                .query(TemplateHistoryRepository::map)
                .optional();
    }

    /** Every version, newest first. */
    public List<TemplateVersion> findVersions(UUID serviceId, UUID templateId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM templates_history t " + JOINS
                        + " WHERE t.id = :id AND t.service_id = :serviceId ORDER BY t.version DESC")
                .param("id", templateId)
                .param("serviceId", serviceId)
                .query(TemplateHistoryRepository::map)
                .list();
    }

    @Transactional
    public void create(UUID id, UUID serviceId, TemplateDraft draft, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO templates (id, name, template_type, content, subject, postage, archived, process_type,
                                               service_letter_contact_id, service_id, created_by_id, created_at, version)
                        VALUES (:id, :name, :type, :content, :subject, :postage, :archived, :processType,
                                :letterContactId, :serviceId, :createdBy, :now, 1)""")
                .param("id", id)
                .param("serviceId", serviceId)
                .params(draftParams(draft))
                .param("now", now)
                .update();
        jdbc.sql(COPY_TO_HISTORY).param("id", id).update();
    }

    @Transactional
    public void saveNewVersion(UUID id, TemplateDraft draft, LocalDateTime now) {
        jdbc.sql("""
                        UPDATE templates SET name = :name, template_type = :type, content = :content, subject = :subject,
                               postage = :postage, archived = :archived, process_type = :processType,
                               service_letter_contact_id = :letterContactId, created_by_id = :createdBy,
                               updated_at = :now, version = version + 1
                        WHERE id = :id""")
                .param("id", id)
                .params(draftParams(draft))
                .param("now", now)
                .update();
        jdbc.sql(COPY_TO_HISTORY).param("id", id).update();
    }

    /** Archiving a letter contact block takes it off its templates without a new version, as Notify does. */
    public void detachLetterContact(UUID letterContactId) {
        jdbc.sql("UPDATE templates SET service_letter_contact_id = NULL WHERE service_letter_contact_id = :id")
                .param("id", letterContactId)
                .update();
    }

    private static Map<String, Object> draftParams(TemplateDraft d) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", d.name());
        params.put("type", d.templateType());
        params.put("content", d.content());
        params.put("subject", d.subject());
        params.put("postage", d.postage());
        params.put("archived", d.archived());
        params.put("processType", d.processType());
        params.put("letterContactId", d.letterContactId());
        params.put("createdBy", d.createdById());
        return params;
    }

    private static TemplateVersion map(ResultSet rs, int row) throws SQLException {
        TemplateDraft draft = new TemplateDraft(rs.getString("name"), rs.getString("template_type"),
                rs.getString("content"), rs.getString("subject"), rs.getString("postage"), rs.getBoolean("archived"),
                rs.getString("process_type"), rs.getObject("service_letter_contact_id", UUID.class),
                rs.getObject("created_by_id", UUID.class));
        return new TemplateVersion(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getInt("version"), draft, rs.getBoolean("hidden"), rs.getString("contact_block"),
                rs.getString("created_by_name"), rs.getString("created_by_email"),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("updated_at", LocalDateTime.class));
    }
}
