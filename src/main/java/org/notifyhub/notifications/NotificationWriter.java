package org.notifyhub.notifications;

import java.time.LocalDate;
import java.util.List;
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

    /** {@code channels} are the daily limits the notification counts against (test keys count against none). */
    @Transactional
    public void save(NotificationRow row, Service service, List<String> channels) {
        if (row.keyType() != KeyType.TEST) {
            LocalDate day = row.createdAt().toLocalDate();
            for (String channel : channels) {
                dailyLimits.take(service.id(), channel, service.dailyLimits().forChannel(channel), day);
            }
        }
        notifications.insert(row);
    }
}
