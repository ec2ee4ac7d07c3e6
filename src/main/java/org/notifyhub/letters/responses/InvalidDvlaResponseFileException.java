package org.notifyhub.letters.responses;

/** A DVLA response file that cannot be applied as a whole; the message is Notify's DVLAException text. */
public class InvalidDvlaResponseFileException extends RuntimeException {

    public InvalidDvlaResponseFileException(String message) {
        super(message);
    }
}
