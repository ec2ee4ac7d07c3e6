package org.notifyhub.servicecallbacks;

/** A callback POST that may work later: no connection, a timeout, a 5xx or a 429. */
public class RetryableCallbackException extends RuntimeException {

    public RetryableCallbackException(String message) {
        super(message);
    }

    public RetryableCallbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
