package org.notifyhub.letters.collation;

/** A collation cannot start now: another run holds the lock ({@code busy}), or DVLA's server is not configured. */
public class CollationUnavailableException extends RuntimeException {

    private final boolean busy;

    public CollationUnavailableException(boolean busy, String message) {
        super(message);
        this.busy = busy;
    }

    public boolean busy() {
        return busy;
    }
}
