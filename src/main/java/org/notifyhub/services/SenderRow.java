package org.notifyhub.services;

import java.time.LocalDateTime;
import java.util.UUID;

/** A reply-to address, SMS sender or letter contact block; inboundNumberId is only ever set on SMS senders. */
public record SenderRow(UUID id, UUID serviceId, String value, boolean isDefault, boolean archived, UUID inboundNumberId,
                        LocalDateTime createdAt, LocalDateTime updatedAt) {
}
