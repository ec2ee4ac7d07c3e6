package org.notifyhub.services;

import java.time.LocalDateTime;
import java.util.UUID;

/** A service row with its permissions, as the admin API shows it. */
public record ServiceRecord(
        UUID id,
        ServiceSettings settings,
        UUID organisationId,
        UUID createdById,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        int version) {
}
