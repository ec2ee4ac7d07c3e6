package org.notifyhub.notifications;

import java.util.List;
import java.util.UUID;

/** The filters of GET /v2/notifications, already validated; {@code statuses} are wire names, aliases expanded. */
public record ListQuery(UUID serviceId, KeyType keyType, List<NotificationType> templateTypes, List<String> statuses,
                        String reference, UUID olderThan, boolean includeJobs, int pageSize) {
}
