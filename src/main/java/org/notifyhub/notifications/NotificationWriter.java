package org.notifyhub.notifications;

import org.notifyhub.limits.DailyLimits;
import org.notifyhub.services.Service;
import org.springframework.stereotype.Component;

/**
 * Counts a notification against the service's daily limits, then makes it durable. The count comes from this node's
 * lease on the limit, outside the insert's transaction, so sends of one service do not wait on each other's commits;
 * a row that cannot be saved gives its count back.
 */
@Component
public class NotificationWriter {

    private final NotificationRepository notifications;
    private final DailyLimits dailyLimits;

    public NotificationWriter(NotificationRepository notifications, DailyLimits dailyLimits) {
        this.notifications = notifications;
        this.dailyLimits = dailyLimits;
    }

    /** @param internationalSms a text to a number that needs the international permission */
    public void save(NotificationRow row, Service service, boolean internationalSms) {
        DailyLimits.Taken taken = dailyLimits.take(service, row.keyType().wireName(), row.notificationType().wireName(),
                internationalSms, row.createdAt().toLocalDate());
        try {
            notifications.insert(row);
        } catch (RuntimeException e) {
            taken.giveBack();
            throw e;
        }
    }
}
