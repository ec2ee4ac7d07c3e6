package org.notifyhub.delivery;

/** The one place text messages leave the hub. */
public interface SmsProvider {

    /** The identifier stored in notifications.sent_by and used to read its receipts. */
    String name();

    void send(SmsMessage message);
}
