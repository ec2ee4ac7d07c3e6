package org.notifyhub.delivery;

/** A provider call failed in a way a later attempt may not (throttling, network, 5xx). */
public class RetryableDeliveryException extends RuntimeException {

    public RetryableDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
