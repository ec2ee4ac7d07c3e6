package org.notifyhub.retention;

import java.time.LocalDateTime;
import java.util.UUID;
import org.notifyhub.notifications.NotificationType;

/** How many days a service keeps one type of notification's personal data (service_data_retention). */
public record DataRetention(UUID id, UUID serviceId, String serviceName, NotificationType notificationType,
                            int daysOfRetention, LocalDateTime createdAt, LocalDateTime updatedAt) {

    /** Notify's default where a service has set none. */
    public static final int DEFAULT_DAYS = 7;
    /** The shortest and longest periods Notify lets a service choose. */
    public static final int MIN_DAYS = 3;
    public static final int MAX_DAYS = 90;
}
