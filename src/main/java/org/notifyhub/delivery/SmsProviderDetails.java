package org.notifyhub.delivery;

import java.time.LocalDateTime;

/** An active SMS provider's row in provider_details: its priority is its weight in the random choice. */
public record SmsProviderDetails(String identifier, int priority, boolean supportsInternational, LocalDateTime updatedAt) {
}
