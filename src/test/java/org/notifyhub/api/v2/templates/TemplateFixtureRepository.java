package org.notifyhub.api.v2.templates;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The template changes the admin side makes (new versions, archiving, contact blocks), written directly so the
 * v2 read endpoints can be tested against them. Each change saves a history row as Notify's version class does.
 */
final class TemplateFixtureRepository {

    private final JdbcClient jdbc;

    TemplateFixtureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID addUser(String name, String emailAddress) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO users (id, name, email_address) VALUES (:id, :name, :email)")
                .param("id", id).param("name", name).param("email", emailAddress).update();
        return id;
    }

    UUID addLetterContact(UUID serviceId, String contactBlock) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO service_letter_contacts (id, service_id, contact_block) VALUES (:id, :serviceId, :block)")
                .param("id", id).param("serviceId", serviceId).param("block", contactBlock).update();
        return id;
    }

    /** Saves a new version with new content (and subject), as an edit in the admin app does. */
    void saveNewVersion(UUID templateId, String subject, String content, UUID editedBy) {
        jdbc.sql("""
                        UPDATE templates SET subject = :subject, content = :content, created_by_id = :editedBy,
                               version = version + 1, updated_at = now() AT TIME ZONE 'utc'
                        WHERE id = :id""")
                .param("id", templateId).param("subject", subject).param("content", content).param("editedBy", editedBy)
                .update();
        copyToHistory(templateId);
    }

    /** Archiving is a new version with the archived flag set. */
    void archive(UUID templateId) {
        jdbc.sql("""
                        UPDATE templates SET archived = true, version = version + 1, updated_at = now() AT TIME ZONE 'utc'
                        WHERE id = :id""")
                .param("id", templateId).update();
        copyToHistory(templateId);
    }

    /** Hidden templates (the precompiled letter one) are made hidden from the start. */
    void hide(UUID templateId) {
        jdbc.sql("UPDATE templates SET hidden = true WHERE id = :id").param("id", templateId).update();
        jdbc.sql("UPDATE templates_history SET hidden = true WHERE id = :id").param("id", templateId).update();
    }

    void useLetterContact(UUID templateId, UUID contactId) {
        jdbc.sql("""
                        UPDATE templates SET service_letter_contact_id = :contactId, version = version + 1,
                               updated_at = now() AT TIME ZONE 'utc'
                        WHERE id = :id""")
                .param("id", templateId).param("contactId", contactId).update();
        copyToHistory(templateId);
    }

    /** Detaching a deleted contact block touches only the current template, not its history. */
    void detachLetterContact(UUID templateId) {
        jdbc.sql("UPDATE templates SET service_letter_contact_id = NULL WHERE id = :id").param("id", templateId).update();
    }

    private void copyToHistory(UUID templateId) {
        jdbc.sql("""
                        INSERT INTO templates_history (id, version, name, template_type, created_at, updated_at, content,
                                                       archived, hidden, subject, postage, service_id, created_by_id,
                                                       process_type, service_letter_contact_id)
                        SELECT id, version, name, template_type, created_at, updated_at, content, archived, hidden,
                               subject, postage, service_id, created_by_id, process_type, service_letter_contact_id
                        FROM templates WHERE id = :id""")
                .param("id", templateId).update();
    }
}
