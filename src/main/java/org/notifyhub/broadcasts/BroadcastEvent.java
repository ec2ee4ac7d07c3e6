package org.notifyhub.broadcasts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A broadcast_event row: one instruction to the networks (alert, update or cancel), complete in itself, so what was
 * transmitted never changes when the message does.
 */
public record BroadcastEvent(
        UUID id,
        UUID serviceId,
        UUID broadcastMessageId,
        LocalDateTime sentAt,
        String messageType,
        String body,
        JsonNode transmittedAreas,
        String transmittedSender,
        LocalDateTime transmittedStartsAt,
        LocalDateTime transmittedFinishesAt) {

    public static final String ALERT = "alert";
    public static final String UPDATE = "update";
    public static final String CANCEL = "cancel";
    /** Notify's transmitted_sender. */
    public static final String SENDER = "notifications.service.gov.uk";
}
