package org.notifyhub.documents;

import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** document_confirm_attempts: when each attempt to confirm a file's address was made. */
@Repository
public class ConfirmAttemptRepository {

    private final JdbcClient jdbc;

    public ConfirmAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the document's row until the transaction ends: one count at a time per file, whichever node asks. */
    void lockDocument(UUID documentId) {
        jdbc.sql("SELECT id FROM documents WHERE id = :id FOR UPDATE").param("id", documentId).query(UUID.class).list();
    }

    /** Forgets the document's attempts made at or before {@code since}, and counts the rest. */
    long countSince(UUID documentId, LocalDateTime since) {
        jdbc.sql("DELETE FROM document_confirm_attempts WHERE document_id = :id AND attempted_at <= :since")
                .param("id", documentId).param("since", since).update();
        return jdbc.sql("SELECT count(*) FROM document_confirm_attempts WHERE document_id = :id")
                .param("id", documentId).query(Long.class).single();
    }

    void add(UUID documentId, LocalDateTime at) {
        jdbc.sql("INSERT INTO document_confirm_attempts (document_id, attempted_at) VALUES (:id, :at)")
                .param("id", documentId).param("at", at).update();
    }
}
