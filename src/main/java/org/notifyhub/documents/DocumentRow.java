package org.notifyhub.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** A file sent by email, as the documents table keeps it (its bytes are in the bucket under objectKey). */
public record DocumentRow(UUID id, UUID serviceId, UUID notificationId, String objectKey, String filename,
                          String mimetype, int sizeInBytes, String keyCheck, String recipientEmailHash, LocalDateTime createdAt,
                          LocalDate availableUntil, LocalDateTime deletedAt) {

    /** document-download-api's rule: downloadable up to and including its last day. */
    public boolean expired(LocalDate today) {
        return deletedAt != null || today.isAfter(availableUntil);
    }

    /** The name it downloads as: its own, else its id and its type's extension (as document-download-api). */
    public String downloadName() {
        return filename != null ? filename : id + "." + FileTypes.extensionOf(mimetype);
    }
}
