package org.notifyhub.delivery;

/** No configured, active SMS provider can take this message (e.g. international and none supports it). */
public class NoSmsProviderException extends RetryableDeliveryException {

    public NoSmsProviderException(boolean international) {
        super("No active " + (international ? "international " : "") + "sms providers", null);
    }
}
