package org.notifyhub.delivery;

import java.util.UUID;

/**
 * Everything a provider needs to send one email.
 *
 * @param unsubscribeUrl the one-click unsubscribe URL for the List-Unsubscribe headers, or null for none
 */
public record EmailMessage(UUID notificationId, String from, String to, String replyTo, String subject, String plainText,
                           String html, String unsubscribeUrl) {
}
