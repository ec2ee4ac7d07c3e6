package org.notifyhub.servicecallbacks;

/** A callback the service's server refused with a 4xx other than 429, or a URL no request can reach: not retried. */
public class RejectedCallbackException extends RuntimeException {

    public RejectedCallbackException(String message) {
        super(message);
    }

    public RejectedCallbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
