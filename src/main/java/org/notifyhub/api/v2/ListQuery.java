package org.notifyhub.api.v2;

import java.util.List;
import java.util.UUID;

/** The filters of GET /v2/notifications, already validated. */
public record ListQuery(UUID serviceId, String keyType, List<String> templateTypes, List<String> statuses,
                        String reference, UUID olderThan, boolean includeJobs, int pageSize) {
}
