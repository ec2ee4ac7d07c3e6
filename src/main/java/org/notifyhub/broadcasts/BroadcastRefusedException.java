package org.notifyhub.broadcasts;

/** A change Notify refuses (its InvalidRequest): the HTTP status and Notify's message. */
public class BroadcastRefusedException extends RuntimeException {

    private final int status;

    public BroadcastRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
