package org.notifyhub.delivery;

import java.util.UUID;

/** Everything a provider needs to send one email. */
public record EmailMessage(UUID notificationId, String from, String to, String replyTo, String subject, String plainText,
                           String html) {
}
