package org.notifyhub.services;

import java.time.LocalDateTime;
import java.util.UUID;

/** A service's callback: where to POST and who last changed it. The bearer token never leaves the repository. */
public record CallbackApiRow(UUID id, UUID serviceId, String callbackType, String url, UUID updatedById,
                             LocalDateTime createdAt, LocalDateTime updatedAt) {
}
