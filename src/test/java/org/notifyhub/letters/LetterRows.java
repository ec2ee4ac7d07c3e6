package org.notifyhub.letters;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.UUID;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Letters written straight into notifications or notification_history, found again by their DVLA reference. */
public final class LetterRows {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public LetterRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String reference() {
        StringBuilder reference = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /** A live letter in notifications, sent an hour after it was created. */
    public UUID insert(TestService service, String reference, String status, LocalDateTime createdAt) {
        return insert("notifications", service, reference, status, createdAt, "normal");
    }

    public UUID insert(TestService service, String reference, String status, LocalDateTime createdAt, String keyType) {
        return insert("notifications", service, reference, status, createdAt, keyType);
    }

    /** A letter already moved to notification_history (its retention ended). */
    public UUID insertHistory(TestService service, String reference, String status, LocalDateTime createdAt) {
        return insert("notification_history", service, reference, status, createdAt, "normal");
    }

    public String status(String reference) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE reference = :r").param("r", reference)
                .query(String.class).single();
    }

    public String historyStatus(String reference) {
        return jdbc.sql("SELECT notification_status FROM notification_history WHERE reference = :r").param("r", reference)
                .query(String.class).single();
    }

    public LocalDateTime updatedAt(String reference) {
        return jdbc.sql("SELECT updated_at FROM notifications WHERE reference = :r").param("r", reference)
                .query(LocalDateTime.class).single();
    }

    public void setStatus(String reference, String status) {
        jdbc.sql("UPDATE notifications SET notification_status = :s WHERE reference = :r")
                .param("s", status).param("r", reference).update();
    }

    private UUID insert(String table, TestService service, String reference, String status, LocalDateTime createdAt,
                        String keyType) {
        UUID id = UUID.randomUUID();
        String to = table.equals("notifications") ? "\"to\", " : "";
        String toValue = table.equals("notifications") ? "'A Person\nStreet\nSW1A 1AA', " : "";
        jdbc.sql("INSERT INTO " + table + " (id, " + to + """
                        service_id, template_id, template_version, key_type, billable_units,
                        notification_type, created_at, sent_at, sent_by, updated_at, notification_status, reference, postage)
                        VALUES (:id, """ + toValue + """
                        :service, :template, 1, :keyType, 1, 'letter', :createdAt, :sentAt, :sentBy, :createdAt,
                        :status, :reference, 'second')""")
                .param("id", id)
                .param("service", service.id())
                .param("template", service.letterTemplate())
                .param("keyType", keyType)
                .param("createdAt", createdAt)
                .param("sentAt", status.equals("created") || status.equals("pending-virus-check") ? null : createdAt.plusHours(1))
                .param("sentBy", status.equals("created") || status.equals("pending-virus-check") ? null : "dvla")
                .param("status", status)
                .param("reference", reference)
                .update();
        return id;
    }
}
