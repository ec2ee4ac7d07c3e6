package org.notifyhub.documents;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How often the address a file was sent to may be guessed: at most {@code limit} attempts per document in a sliding
 * window, counted in PostgreSQL so every node shares the count (document-download-api keeps the same limit in Redis).
 * Only requests carrying the document's key reach here, so nobody without the link can lock its recipient out.
 */
@Component
public class ConfirmAttempts {

    private final ConfirmAttemptRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    public ConfirmAttempts(ConfirmAttemptRepository repository, TransactionTemplate transaction, Clock clock,
                           @Value("${notify.documents.confirm-attempts}") int limit,
                           @Value("${notify.documents.confirm-attempts-window}") Duration window) {
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /**
     * Counts an attempt on the document unless the window already holds the limit: false then, and nothing counted, so
     * the document opens again as its oldest attempts leave the window. The document's row lock orders nodes.
     */
    public boolean tryAttempt(UUID documentId) {
        LocalDateTime now = NotifyTime.toUtc(clock.instant());
        LocalDateTime since = now.minus(window);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            repository.lockDocument(documentId);
            if (repository.countSince(documentId, since) >= limit) {
                return false;
            }
            repository.add(documentId, now);
            return true;
        }));
    }
}
