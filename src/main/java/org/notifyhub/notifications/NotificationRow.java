package org.notifyhub.notifications;

import java.time.LocalDateTime;
import java.util.UUID;

/** A notifications row, with personalisation still encrypted. */
public record NotificationRow(
        UUID id,
        String to,
        String normalisedTo,
        UUID jobId,
        Integer jobRowNumber,
        UUID serviceId,
        UUID templateId,
        int templateVersion,
        UUID apiKeyId,
        String keyType,
        int billableUnits,
        String notificationType,
        LocalDateTime createdAt,
        LocalDateTime sentAt,
        String sentBy,
        LocalDateTime updatedAt,
        NotificationStatus status,
        String reference,
        String clientReference,
        String encryptedPersonalisation,
        String replyToText,
        String postage,
        UUID createdById,
        boolean international,
        String phonePrefix) {

    /** Every notification other than an international text message. */
    public static final boolean DOMESTIC = false;
}
