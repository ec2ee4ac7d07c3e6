package org.notifyhub.notifications;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Which of a service's notifications the admin list wants. Empty statuses or types mean any; createdSince and
 * olderThan are optional; recipientContains searches the recipient; jobId (optional) keeps one CSV job's rows, in row
 * order.
 */
public record ServiceNotificationQuery(
        UUID serviceId,
        List<String> statuses,
        List<String> types,
        LocalDateTime createdSince,
        UUID olderThan,
        boolean includeJobs,
        boolean includeOneOff,
        boolean includeFromTestKey,
        String recipientContains,
        UUID jobId,
        int offset,
        int limit) {

    public ServiceNotificationQuery page(int newOffset, int newLimit) {
        return new ServiceNotificationQuery(serviceId, statuses, types, createdSince, olderThan, includeJobs,
                includeOneOff, includeFromTestKey, recipientContains, jobId, newOffset, newLimit);
    }
}
