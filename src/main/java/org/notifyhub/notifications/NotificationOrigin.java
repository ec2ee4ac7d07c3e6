package org.notifyhub.notifications;

import java.time.LocalDateTime;
import java.util.UUID;
import org.notifyhub.templates.StoredTemplate;

/**
 * What every notification of one send shares: the service, the template version it was sent from, the API key (a
 * job's rows have none and count as live), the job row it came from, if any, and when it was created.
 */
public record NotificationOrigin(UUID serviceId, StoredTemplate template, UUID apiKeyId, KeyType keyType, UUID jobId,
                                 Integer jobRowNumber, LocalDateTime createdAt) {

    /** A send through the API with one of the service's keys. */
    public static NotificationOrigin api(UUID serviceId, StoredTemplate template, UUID apiKeyId, KeyType keyType,
                                         LocalDateTime createdAt) {
        return new NotificationOrigin(serviceId, template, apiKeyId, keyType, null, null, createdAt);
    }

    /** One row of a job's file. */
    public static NotificationOrigin jobRow(UUID serviceId, StoredTemplate template, UUID jobId, int rowNumber,
                                            LocalDateTime createdAt) {
        return new NotificationOrigin(serviceId, template, null, KeyType.NORMAL, jobId, rowNumber, createdAt);
    }
}
