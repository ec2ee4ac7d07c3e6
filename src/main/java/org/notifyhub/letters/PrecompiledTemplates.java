package org.notifyhub.letters;

import java.util.Optional;
import java.util.UUID;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The hidden per-service letter template that precompiled PDFs are recorded against, as in Notify. */
@Repository
public class PrecompiledTemplates {

    static final String NAME = "Pre-compiled PDF";
    private static final UUID SYSTEM_USER = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");

    private final JdbcClient jdbc;
    private final TemplateRepository templates;

    public PrecompiledTemplates(JdbcClient jdbc, TemplateRepository templates) {
        this.jdbc = jdbc;
        this.templates = templates;
    }

    @Transactional
    public UUID findOrCreate(UUID serviceId) {
        Optional<UUID> existing = jdbc.sql("""
                        SELECT id FROM templates
                        WHERE service_id = :serviceId AND hidden AND template_type = 'letter' AND name = :name
                        ORDER BY created_at LIMIT 1""")
                .param("serviceId", serviceId)
                .param("name", NAME)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        templates.insert(id, serviceId, NAME, "letter", NAME, "", SYSTEM_USER);
        jdbc.sql("UPDATE templates SET hidden = true WHERE id = :id").param("id", id).update();
        jdbc.sql("UPDATE templates_history SET hidden = true WHERE id = :id").param("id", id).update();
        return id;
    }
}
