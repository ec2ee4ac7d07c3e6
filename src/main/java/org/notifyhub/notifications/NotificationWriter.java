package org.notifyhub.notifications;

import org.notifyhub.limits.DailyLimits;
import org.notifyhub.services.Service;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Makes a notification durable and counts it against the service's daily limits, in one transaction. */
@Component
public class NotificationWriter {

    private final NotificationRepository notifications;
    private final DailyLimits dailyLimits;

    public NotificationWriter(NotificationRepository notifications, DailyLimits dailyLimits) {
        this.notifications = notifications;
        this.dailyLimits = dailyLimits;
    }

    /** @param internationalSms a text to a number that needs the international permission */
    @Transactional
    public void save(NotificationRow row, Service service, boolean internationalSms) {
        dailyLimits.take(service, row.keyType().wireName(), row.notificationType().wireName(), internationalSms,
                row.createdAt().toLocalDate());
        notifications.insert(row);
    }
}
