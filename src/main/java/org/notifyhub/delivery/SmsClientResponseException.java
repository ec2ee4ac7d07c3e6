package org.notifyhub.delivery;

/**
 * Firetext or MMG did not take a text message (Notify's SmsClientResponseException): the request failed, or the
 * answer was not the success the provider promises. A later attempt, maybe through the other provider, may work.
 */
public class SmsClientResponseException extends RetryableDeliveryException {

    public SmsClientResponseException(String provider, String reason, Throwable cause) {
        super(provider + " SMS client error (" + reason + ")", cause);
    }
}
