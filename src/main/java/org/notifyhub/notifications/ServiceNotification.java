package org.notifyhub.notifications;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

/** A notification joined with what the admin list shows beside it: its template version, key, job and sender. */
public record ServiceNotification(
        NotificationRow row,
        boolean international,
        String phonePrefix,
        BigDecimal rateMultiplier,
        Integer documentDownloadCount,
        String keyName,
        String jobFileName,
        String createdByName,
        String createdByEmail,
        String templateName,
        String templateType,
        String templateContent,
        String templateSubject,
        boolean templateHidden) {
}
