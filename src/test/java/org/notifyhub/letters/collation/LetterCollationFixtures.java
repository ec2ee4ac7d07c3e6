package org.notifyhub.letters.collation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.letters.LetterPdfNames;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.support.TestServices;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Letters as the PDF pipeline leaves them: a created row with billable units, and its PDF in the print-date folder. */
public final class LetterCollationFixtures {

    /** A letter row and where its PDF is (null key when it has none). */
    public record Letter(UUID id, UUID serviceId, String reference, String postage, String key, byte[] pdf) {

        public String entryName() {
            return key.substring(key.lastIndexOf('/') + 1);
        }

        public LetterPdf asPdf(UUID organisationId) {
            return new LetterPdf(id, serviceId, organisationId, key, pdf.length);
        }
    }

    private static final Random RANDOM = new Random();

    private final TestServices services;
    private final NotificationRepository notifications;
    private final ObjectStorage storage;
    private final JdbcClient jdbc;
    private final String bucket;

    public LetterCollationFixtures(TestServices services, NotificationRepository notifications, ObjectStorage storage,
                            JdbcClient jdbc, String bucket) {
        this.services = services;
        this.notifications = notifications;
        this.storage = storage;
        this.jdbc = jdbc;
        this.bucket = bucket;
    }

    /** A service whose id starts with {@code first}, so tests know the order zips are made in. */
    public TestServices.TestService service(char first, UUID organisationId) {
        UUID id = UUID.fromString(first + UUID.randomUUID().toString().substring(1));
        TestServices.TestService service = services.create(id, false, java.util.List.of("letter"));
        jdbc.sql("UPDATE services SET organisation_id = :org WHERE id = :id")
                .param("org", organisationId).param("id", id).update();
        return service;
    }

    public Letter letter(TestServices.TestService service, String postage, LocalDateTime createdAt, int pdfBytes) {
        return letter(service, postage, createdAt, pdfBytes, KeyType.NORMAL, 1, true);
    }

    public Letter letter(TestServices.TestService service, String postage, LocalDateTime createdAt, int pdfBytes,
                  KeyType keyType, int billableUnits, boolean withPdf) {
        UUID id = UUID.randomUUID();
        String reference = randomReference();
        notifications.insert(new NotificationRow(id, "A. Person\n1 Street\nSW1A 1AA", null, null, null, service.id(),
                service.letterTemplate(), 1, null, keyType, billableUnits, NotificationType.LETTER, createdAt, null, null, null,
                NotificationStatus.CREATED, reference, null, null, null, postage, null, false, null, null, null));
        if (!withPdf) {
            return new Letter(id, service.id(), reference, postage, null, null);
        }
        String key = LetterPdfNames.fileName(LetterPdfNames.folder(createdAt), reference, postage, createdAt);
        byte[] pdf = pdf(pdfBytes);
        storage.put(bucket, key, pdf, "application/pdf", Map.of());
        return new Letter(id, service.id(), reference, postage, key, pdf);
    }

    public String status(Letter letter) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id").param("id", letter.id())
                .query(String.class).single();
    }

    public Map<String, Object> row(Letter letter) {
        return jdbc.sql("SELECT notification_status, sent_by, sent_at FROM notifications WHERE id = :id")
                .param("id", letter.id()).query().singleRow();
    }

    static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        RANDOM.nextBytes(pdf);
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, Math.min(header.length, size));
        return pdf;
    }

    private static String randomReference() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder reference = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            reference.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return reference.toString().toUpperCase(Locale.ROOT);
    }
}
