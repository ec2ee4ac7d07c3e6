package org.notifyhub.receipts.mapping;

import java.util.Optional;
import org.notifyhub.notifications.NotificationStatus;

/**
 * A receipt carried a status the mapping files do not know. For SMS the notification should be
 * set to {@link #fallbackStatus()} (technical-failure, as GOV.UK Notify does) before the error is
 * reported; for SES there is no fallback and the receipt is retried.
 */
public class UnknownReceiptStatusException extends RuntimeException {

    private final String providerStatus;
    private final NotificationStatus fallbackStatus;

    UnknownReceiptStatusException(String message, String providerStatus, NotificationStatus fallbackStatus) {
        super(message);
        this.providerStatus = providerStatus;
        this.fallbackStatus = fallbackStatus;
    }

    /** The status (SMS) or notificationType (SES) exactly as the provider sent it. */
    public String providerStatus() {
        return providerStatus;
    }

    public Optional<NotificationStatus> fallbackStatus() {
        return Optional.ofNullable(fallbackStatus);
    }
}
