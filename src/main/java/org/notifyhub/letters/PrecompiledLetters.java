package org.notifyhub.letters;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.queues.LetterPdfTask;
import org.notifyhub.recipients.PostalAddress;
import org.notifyhub.services.ServiceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * scan-and-sanitise-letter: a precompiled letter waiting in {@code pending-virus-check} is scanned; an infected file
 * moves to {@code FAILURE/} in the scan bucket ({@code virus-scan-failed}); a clean one is validated and moves,
 * unchanged, to the invalid bucket ({@code validation-failed}) or to where it is printed from ({@code created}, or for
 * a test key the test bucket and {@code delivered}). Each file is copied, the status changed, and only then the
 * original deleted, so a retry after a crash still finds it.
 */
@Component
public class PrecompiledLetters {

    static final String VIRUS_FAILURE_FOLDER = "FAILURE/";
    private static final Logger log = LoggerFactory.getLogger(PrecompiledLetters.class);

    private final NotificationRepository notifications;
    private final ServiceRepository services;
    private final VirusScanner scanner;
    private final LetterObjects objects;
    private final LetterBuckets buckets;
    private final PrecompiledLetterLimits limits;
    private final Clock clock;

    public PrecompiledLetters(NotificationRepository notifications, ServiceRepository services,
                              VirusScanner scanner, LetterObjects objects, LetterBuckets buckets,
                              PrecompiledLetterLimits limits, Clock clock) {
        this.notifications = notifications;
        this.services = services;
        this.scanner = scanner;
        this.objects = objects;
        this.buckets = buckets;
        this.limits = limits;
        this.clock = clock;
    }

    public void scanAndSanitise(LetterPdfTask task) {
        NotificationRow letter = notifications.find(task.notificationId()).orElseThrow(() ->
                new IllegalStateException("No notification " + task.notificationId() + " to scan"));
        if (letter.notificationType() != NotificationType.LETTER || letter.status() != NotificationStatus.PENDING_VIRUS_CHECK) {
            log.info("Letter {} is {}: nothing to scan", letter.id(), letter.status());
            return;
        }
        String scanBucket = buckets.scan();
        String scanKey = objects.firstKey(scanBucket, buckets.scanned(letter).key()).orElseThrow(() ->
                new IllegalStateException("Letter " + letter.id() + " is pending-virus-check but its file is not in "
                        + scanBucket));
        byte[] pdf = objects.read(scanBucket, scanKey);

        VirusScanner.ScanResult scan = scanner.scan(pdf);
        if (scan.infected()) {
            objects.putPdf(scanBucket, VIRUS_FAILURE_FOLDER + scanKey, pdf, Map.of());
            notifications.markVirusScanFailed(letter.id(), LocalDateTime.now(clock));
            objects.delete(scanBucket, scanKey);
            log.warn("Letter {} failed its virus scan ({}): file moved to {}{}", letter.id(), scan.signature(),
                    VIRUS_FAILURE_FOLDER, scanKey);
            return;
        }

        boolean international = services.find(letter.serviceId())
                .map(service -> service.hasPermission("international_letters"))
                .orElse(false);
        PrecompiledLetterValidator.Outcome outcome = PrecompiledLetterValidator.validate(pdf, international, limits);
        String postage = TemplatedLetterPdfs.postage(letter);
        if (!outcome.passed()) {
            LetterBuckets.Location invalid = buckets.invalid(letter, postage);
            objects.putPdf(invalid.bucket(), invalid.key(), pdf, Map.of(
                            "message", outcome.message(),
                            "invalid_pages", outcome.invalidPages().stream().map(String::valueOf)
                                    .collect(Collectors.joining(",", "[", "]")),
                            "page_count", String.valueOf(outcome.pageCount())));
            notifications.markPrecompiledInvalid(letter.id(), LocalDateTime.now(clock));
            objects.delete(scanBucket, scanKey);
            log.info("Letter {} failed validation: {}", letter.id(), outcome.message());
            return;
        }

        PostalAddress address = outcome.address();
        if (address.international()) {
            postage = address.postage();
        }
        boolean testKey = letter.keyType() == KeyType.TEST;
        LetterBuckets.Location printable = buckets.printable(letter, postage);
        objects.putPdf(printable.bucket(), printable.key(), pdf, Map.of());
        notifications.markPrecompiledPassed(letter.id(), testKey ? NotificationStatus.DELIVERED : NotificationStatus.CREATED,
                LetterPage.sheets(outcome.pageCount()), address.to(), address.normalisedTo(), postage,
                LocalDateTime.now(clock));
        objects.delete(scanBucket, scanKey);
        log.info("Letter {} passed: {} page(s), moved to {}", letter.id(), outcome.pageCount(), printable);
    }
}
