package org.notifyhub.delivery;

/** The one place email leaves the hub. */
public interface EmailProvider {

    /** The identifier stored in notifications.sent_by. */
    String name();

    /** Sends the email and returns the provider's message id, stored as the notification's reference. */
    String send(EmailMessage message);
}
