package org.notifyhub.recipients;

import java.util.Objects;

/**
 * A recipient (phone number, email address or postal address) that GOV.UK Notify would refuse.
 * {@link #getMessage()} is the exact user-facing text Notify returns, so callers can put it in an
 * error response unchanged.
 */
public final class InvalidRecipientException extends RuntimeException {

    /** Which kind of recipient failed, so the API can choose the field name and error class. */
    public enum RecipientType { PHONE_NUMBER, EMAIL_ADDRESS, POSTAL_ADDRESS }

    private final RecipientType recipientType;

    public InvalidRecipientException(RecipientType recipientType, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.recipientType = Objects.requireNonNull(recipientType, "recipientType");
    }

    public RecipientType recipientType() {
        return recipientType;
    }
}
