package org.notifyhub.delivery;

import java.util.UUID;

/** Everything a provider needs to send one text message; the notification id is the provider reference. */
public record SmsMessage(UUID notificationId, String to, String body, String sender, boolean international) {
}
