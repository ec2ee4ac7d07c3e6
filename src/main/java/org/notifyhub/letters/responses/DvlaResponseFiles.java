package org.notifyhub.letters.responses;

import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.alerts.Alerts;
import org.notifyhub.common.StrictUtf8;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRepository.UpdatedLetter;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.servicecallbacks.ServiceCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a DVLA response file once (Notify's update-letter-notifications-statuses and record-daily-sorted-counts):
 * parsed whole first, then in one transaction the file is marked processed, each {@code sending} letter becomes
 * delivered (Sent) or temporary-failure (anything else), in notifications and notification_history, and the file's
 * sorted/unsorted counts replace any earlier counts for (billing day, file). A file already marked changes nothing.
 * After the commit: delivery-status callbacks, and an alert naming the failed references. A malformed, empty or
 * not-UTF-8 file raises an alert and {@link InvalidDvlaResponseFileException}, and changes nothing; a database error
 * raises an alert and is thrown, so the file is tried again.
 */
@Component
public class DvlaResponseFiles {

    public static final String HEADER_FILE_NAME = "CamelFileName";
    public static final String PROCESSED_FOLDER = ".processed";
    public static final String FAILED_FOLDER = ".failed";
    private static final Logger log = LoggerFactory.getLogger(DvlaResponseFiles.class);

    /** What applying a file did; {@code applied} is false when it had been processed before. */
    public record Outcome(String fileName, boolean applied, int delivered, int temporaryFailures, int historyUpdated,
                          int notUpdated, int sorted, int unsorted) {
    }

    private final DvlaResponseRepository repository;
    private final NotificationRepository notifications;
    private final ServiceCallbacks callbacks;
    private final Alerts alerts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DvlaResponseFiles(DvlaResponseRepository repository, NotificationRepository notifications,
                             ServiceCallbacks callbacks, Alerts alerts, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.notifications = notifications;
        this.callbacks = callbacks;
        this.alerts = alerts;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * For the route reading DVLA's server (SFTP or FTP): applies the file and says where it goes next —
     * {@code .processed}, or {@code .failed} when it was rejected (and alerted). A database error is alerted and thrown, so
     * the file stays where it is and the next poll tries it again.
     */
    public String receiveFromFtp(@Header(HEADER_FILE_NAME) String path, @Body byte[] content) {
        try {
            apply(baseName(path), content == null ? new byte[0] : content, "ftp");
            return PROCESSED_FOLDER;
        } catch (InvalidDvlaResponseFileException e) {
            return FAILED_FOLDER;
        }
    }

    /** The file's bytes, which must be UTF-8 throughout: a file with any other byte is rejected whole, with an alert. */
    public Outcome apply(String fileName, byte[] content, String source) {
        String text;
        try {
            text = StrictUtf8.decode(content);
        } catch (CharacterCodingException e) {
            throw rejected(new InvalidDvlaResponseFileException("DVLA response file: " + fileName
                    + " is not UTF-8 text (" + e.getMessage() + ")"));
        }
        return apply(fileName, text, source);
    }

    public Outcome apply(String fileName, String content, String source) {
        if (repository.isProcessed(fileName)) {
            log.info("DVLA response file {} from {} was processed before; ignored", fileName, source);
            return new Outcome(fileName, false, 0, 0, 0, 0, 0, 0);
        }
        long started = System.nanoTime();
        DvlaResponseFile file;
        try {
            file = DvlaResponseFileParser.parse(fileName, content);
        } catch (InvalidDvlaResponseFileException e) {
            throw rejected(e);
        }
        long parsed = System.nanoTime();
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> applyOnce(file, source));
        } catch (DataAccessException e) {
            alerts.raise("dvla-response-file-not-applied", "DVLA response file not applied yet",
                    "DVLA response file: " + fileName + " could not be applied (" + e.getMostSpecificCause().getMessage()
                            + "); it stays where it is and is tried again at the next poll");
            throw e;
        }
        long committed = System.nanoTime();
        if (outcome != null && outcome.applied()) {
            List<String> failed = file.failedReferences();
            if (!failed.isEmpty()) {
                alerts.raise("dvla-response-file-failed-letters", "DVLA response file has failed letters",
                        "DVLA response file: " + fileName + " has failed letters with notification.reference "
                                + DvlaResponseFileParser.pythonList(failed));
            }
            log.info("DVLA response file {} from {} applied: {} (parsed in {} ms, written in {} ms)", fileName, source,
                    outcome, (parsed - started) / 1_000_000, (committed - parsed) / 1_000_000);
        }
        return outcome;
    }

    private InvalidDvlaResponseFileException rejected(InvalidDvlaResponseFileException e) {
        alerts.raise("dvla-response-file-rejected", "DVLA response file rejected", e.getMessage());
        return e;
    }

    private Outcome applyOnce(DvlaResponseFile file, String source) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (!repository.claim(file.fileName(), source, now)) {
            return new Outcome(file.fileName(), false, 0, 0, 0, 0, 0, 0);
        }
        // A reference listed twice takes its last line, as Notify's line-by-line updates did.
        Map<String, DvlaResponseFile.Line> byReference = new LinkedHashMap<>();
        file.lines().forEach(line -> byReference.put(line.reference(), line));
        int size = byReference.size();
        String[] references = new String[size];
        String[] statuses = new String[size];
        Integer[] pageCounts = new Integer[size];
        int i = 0;
        for (DvlaResponseFile.Line line : byReference.values()) {
            references[i] = line.reference();
            statuses[i] = (line.sent() ? NotificationStatus.DELIVERED : NotificationStatus.TEMPORARY_FAILURE).wireName();
            pageCounts[i] = line.pageCount();
            i++;
        }
        List<UpdatedLetter> updated = notifications.applyResponseFile(references, statuses, pageCounts, now);
        int history = notifications.applyResponseFileToHistory(references, statuses, pageCounts, now);
        repository.upsertDailySortedLetter(file.billingDay(), file.fileName(), file.sortedCount(), file.unsortedCount(), now);

        int delivered = (int) updated.stream().filter(u -> u.status().equals(NotificationStatus.DELIVERED.wireName())).count();
        int notUpdated = Math.max(0, size - updated.size() - history);
        if (notUpdated > 0) {
            log.info("DVLA response file {}: {} of {} references were not letters in sending (unknown or already final)",
                    file.fileName(), notUpdated, size);
        }
        logPageCountMismatches(file.fileName(), updated);
        queueCallbacksAfterCommit(updated);
        return new Outcome(file.fileName(), true, delivered, updated.size() - delivered, history, notUpdated,
                file.sortedCount(), file.unsortedCount());
    }

    private void queueCallbacksAfterCommit(List<UpdatedLetter> updated) {
        List<UUID> withCallback = updated.stream().filter(UpdatedLetter::hasDeliveryCallback).map(UpdatedLetter::id).toList();
        if (withCallback.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                List<NotificationRow> rows = withCallback.stream().map(notifications::find)
                        .flatMap(Optional::stream).toList();
                callbacks.queueDeliveryStatuses(rows);
            }
        });
    }

    private static void logPageCountMismatches(String fileName, List<UpdatedLetter> updated) {
        List<UpdatedLetter> mismatched = updated.stream().filter(u -> u.billableUnits() != u.pageCount()).toList();
        if (!mismatched.isEmpty()) {
            UpdatedLetter first = mismatched.get(0);
            log.warn("DVLA response file {}: {} letters' page count differs from their billable units, e.g. notification {}"
                            + " has {} billable_units but DVLA says page count is {}", fileName, mismatched.size(),
                    first.id(), first.billableUnits(), first.pageCount());
        }
    }

    static String baseName(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidDvlaResponseFileException("DVLA response file without a name");
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
