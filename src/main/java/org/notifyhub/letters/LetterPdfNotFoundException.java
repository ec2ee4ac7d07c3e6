package org.notifyhub.letters;

/** A letter's PDF is not where its status says it should be (not made yet, or lost): Notify's LetterPDFNotFound. */
public class LetterPdfNotFoundException extends RuntimeException {

    public LetterPdfNotFoundException(String message) {
        super(message);
    }
}
