package org.notifyhub.auth;

/** An admin API request the admin client did not sign: Notify answers it with {"token": [message]}. */
public class AdminAuthException extends RuntimeException {

    private final int status;

    public AdminAuthException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
