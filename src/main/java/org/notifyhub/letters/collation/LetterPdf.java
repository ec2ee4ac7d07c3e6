package org.notifyhub.letters.collation;

import java.util.UUID;

/** A letter due for printing and its PDF as the bucket listing shows it: key and size, no request per object. */
public record LetterPdf(UUID notificationId, UUID serviceId, UUID organisationId, String key, long size) {

    /** The zip entry: the PDF's name without its print-date folder. */
    public String entryName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
