package org.notifyhub.receipts;

import java.util.UUID;

/** What a complaint needs of the email it is about; {@code to} is null once the email has moved to history. */
public record ComplainedNotification(UUID id, UUID serviceId, String clientReference, String to) {
}
