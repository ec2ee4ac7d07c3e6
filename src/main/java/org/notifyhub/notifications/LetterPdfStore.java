package org.notifyhub.notifications;

import java.util.Optional;

/** Where letter PDFs are kept; found by the letter's stable prefix so a filename change does not lose them. */
public interface LetterPdfStore {

    Optional<byte[]> find(NotificationRow letter);
}
