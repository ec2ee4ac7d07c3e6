package org.notifyhub.broadcasts;

/** An event that must not go to an operator now (Notify's BroadcastIntegrityError): never retried. */
public class BroadcastIntegrityException extends RuntimeException {

    public BroadcastIntegrityException(String message) {
        super(message);
    }
}
