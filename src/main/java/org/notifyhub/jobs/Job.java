package org.notifyhub.jobs;

import java.time.LocalDateTime;
import java.util.UUID;

/** A jobs row: one uploaded CSV being turned into notifications. Counts come from its notifications, never from here. */
public record Job(
        UUID id,
        String originalFileName,
        UUID serviceId,
        UUID templateId,
        int templateVersion,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        int notificationCount,
        LocalDateTime processingStarted,
        LocalDateTime processingFinished,
        UUID createdById,
        LocalDateTime scheduledFor,
        String status,
        boolean archived,
        UUID senderId,
        UUID contactListId) {

    public static final String PENDING = "pending";
    public static final String IN_PROGRESS = "in progress";
    public static final String FINISHED = "finished";
    public static final String SENDING_LIMITS_EXCEEDED = "sending limits exceeded";
    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";
    public static final String ERROR = "error";
}
