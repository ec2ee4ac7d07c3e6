package org.notifyhub.letters;

import java.util.Optional;
import org.notifyhub.notifications.NotificationRow;

/** Where letter PDFs are kept; found by the letter's stable prefix so a filename change does not lose them. */
public interface LetterPdfStore {

    /**
     * The stored bytes of the letter's PDF, unchanged.
     *
     * @throws LetterPdfNotFoundException when no file has the letter's prefix where its status puts it
     */
    byte[] get(NotificationRow letter);

    /** Removes every stored file of the letter (its PDF, and its upload awaiting a scan); returns how many. */
    int delete(NotificationRow letter);

    default Optional<byte[]> find(NotificationRow letter) {
        try {
            return Optional.of(get(letter));
        } catch (LetterPdfNotFoundException e) {
            return Optional.empty();
        }
    }
}
