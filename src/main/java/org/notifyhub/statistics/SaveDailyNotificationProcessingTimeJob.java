package org.notifyhub.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.notifyhub.common.LondonDays;
import org.notifyhub.statistics.ProcessingTimeRepository.ProcessingTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** save-daily-notification-processing-time (02:00 London): yesterday's share of API messages sent within 10 seconds. */
@Component
public class SaveDailyNotificationProcessingTimeJob {

    private static final Logger log = LoggerFactory.getLogger(SaveDailyNotificationProcessingTimeJob.class);

    private final ProcessingTimeRepository processingTimes;
    private final Clock clock;

    public SaveDailyNotificationProcessingTimeJob(ProcessingTimeRepository processingTimes, Clock clock) {
        this.processingTimes = processingTimes;
        this.clock = clock;
    }

    public ProcessingTime run() {
        return forDay(LondonDays.today(clock).minusDays(1));
    }

    public ProcessingTime forDay(LocalDate day) {
        ProcessingTime saved = processingTimes.save(day, LocalDateTime.now(clock));
        log.info("save-daily-notification-processing-time for {}: {} of {} within 10 seconds", day,
                saved.messagesWithin10Secs(), saved.messagesTotal());
        return saved;
    }
}
