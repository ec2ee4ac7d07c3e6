package org.notifyhub.broadcasts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.UUID;

/** A broadcast_message row: what a service wants broadcast, where, and how far it has got. Times are UTC. */
public record BroadcastMessage(
        UUID id,
        UUID serviceId,
        String content,
        JsonNode areas,
        String status,
        LocalDateTime startsAt,
        LocalDateTime finishesAt,
        LocalDateTime createdAt,
        LocalDateTime approvedAt,
        LocalDateTime cancelledAt,
        LocalDateTime updatedAt,
        UUID createdById,
        UUID approvedById,
        UUID cancelledById,
        UUID createdByApiKeyId,
        String reference,
        String capEvent,
        boolean stubbed) {

    /** The polygons the networks are sent; a message without any cannot be approved. */
    public int polygonCount() {
        JsonNode polygons = areas.path("simple_polygons");
        return polygons.isArray() ? polygons.size() : 0;
    }
}
