package org.notifyhub.delivery;

/** A provider refused the message for good (e.g. SES InvalidParameterValue): retrying would not help. */
public class NonRetryableDeliveryException extends RuntimeException {

    public NonRetryableDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
