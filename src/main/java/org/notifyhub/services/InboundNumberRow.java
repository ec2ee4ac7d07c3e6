package org.notifyhub.services;

import java.time.LocalDateTime;
import java.util.UUID;

/** A number people text to reach a service; serviceId and serviceName are null while it is unallocated. */
public record InboundNumberRow(UUID id, String number, String provider, UUID serviceId, String serviceName,
                               boolean active, LocalDateTime createdAt, LocalDateTime updatedAt) {
}
