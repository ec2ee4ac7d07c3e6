package org.notifyhub.letters.returned;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.camel.Body;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.queues.ReturnedLettersTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** process-returned-letters-list: the task's references become returned letters, reported today (London). */
@Component
public class ReturnedLetters {

    private static final Logger log = LoggerFactory.getLogger(ReturnedLetters.class);

    private final NotificationRepository notifications;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReturnedLetters(NotificationRepository notifications, ObjectMapper mapper, Clock clock) {
        this.notifications = notifications;
        this.mapper = mapper;
        this.clock = clock;
    }

    public int process(@Body String message) throws JsonProcessingException {
        ReturnedLettersTask task = mapper.readValue(message, ReturnedLettersTask.class);
        if (task.references() == null || task.references().isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(NotifyTime.LONDON));
        int recorded = notifications.markLettersReturned(task.references(), today, LocalDateTime.now(clock));
        log.info("Returned letters: {} of {} references recorded as returned on {}", recorded,
                task.references().size(), today);
        return recorded;
    }
}
