package org.notifyhub.common;

/**
 * A request from a provider (a receipt, an inbound text, an SNS message) that the hub refuses, with the HTTP status
 * and message Notify answers it with.
 */
public class ProviderRequestException extends RuntimeException {

    private final int status;

    protected ProviderRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The {@code message} of the error body: one text, unless a subclass has a list to give. */
    public Object bodyMessage() {
        return getMessage();
    }
}
