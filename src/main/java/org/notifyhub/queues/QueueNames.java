package org.notifyhub.queues;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every queue's name, as {@code notify.queues} in application.yml gives them (with {@code NOTIFY_QUEUE_PREFIX}):
 * one record in place of a name injected one at a time. A queue missing from the configuration stops the start.
 */
@ConfigurationProperties("notify.queues")
public record QueueNames(
        String sendEmailTasks,
        String sendSmsTasks,
        String researchModeTasks,
        String retryTasks,
        String sesCallbacks,
        String smsCallbacks,
        String saveApiEmailTasks,
        String saveApiSmsTasks,
        String databaseTasks,
        String jobTasks,
        String serviceCallbacks,
        String serviceCallbacksRetry,
        String deadLetter,
        String createLettersPdfTasks,
        String letterTasks,
        String broadcastTasks) {

    public QueueNames {
        List<String> names = Arrays.asList(sendEmailTasks, sendSmsTasks, researchModeTasks, retryTasks, sesCallbacks,
                smsCallbacks, saveApiEmailTasks, saveApiSmsTasks, databaseTasks, jobTasks, serviceCallbacks,
                serviceCallbacksRetry, deadLetter, createLettersPdfTasks, letterTasks, broadcastTasks);
        if (names.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new IllegalArgumentException("notify.queues must name every queue, but has " + names);
        }
    }

    /** Every queue's name. */
    public List<String> all() {
        return List.of(sendEmailTasks, sendSmsTasks, researchModeTasks, retryTasks, sesCallbacks, smsCallbacks,
                saveApiEmailTasks, saveApiSmsTasks, databaseTasks, jobTasks, serviceCallbacks, serviceCallbacksRetry,
                deadLetter, createLettersPdfTasks, letterTasks, broadcastTasks);
    }
}
