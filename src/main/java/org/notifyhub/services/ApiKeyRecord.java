package org.notifyhub.services;

import java.time.LocalDateTime;
import java.util.UUID;

/** An API key as the admin API lists it: never its secret. */
public record ApiKeyRecord(UUID id, String name, String keyType, LocalDateTime expiryDate, UUID createdById,
                           LocalDateTime createdAt, LocalDateTime updatedAt, int version) {
}
