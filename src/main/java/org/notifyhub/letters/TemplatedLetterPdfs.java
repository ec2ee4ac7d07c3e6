package org.notifyhub.letters;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.queues.LetterPdfTask;
import org.notifyhub.templates.LetterMarkdown;
import org.notifyhub.templates.LetterRenderer;
import org.notifyhub.templates.RenderedLetter;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * get-pdf-for-templated-letter: renders a saved templated letter to PDF, stores it where collation (or, for a test
 * key, the test bucket) finds it and records its sheets as billable units; a letter over {@value LetterPage#MAX_PAGES}
 * pages fails validation and its PDF goes to the invalid bucket. A letter that already has its PDF is left alone.
 */
@Component
public class TemplatedLetterPdfs {

    private static final Logger log = LoggerFactory.getLogger(TemplatedLetterPdfs.class);

    private final NotificationRepository notifications;
    private final TemplateRepository templates;
    private final NotificationContent content;
    private final LetterContactBlocks contactBlocks;
    private final LetterObjects objects;
    private final FakeLetterResponseFiles fakeResponses;
    private final LetterBuckets buckets;
    private final Clock clock;

    public TemplatedLetterPdfs(NotificationRepository notifications, TemplateRepository templates,
                               NotificationContent content, LetterContactBlocks contactBlocks, LetterObjects objects,
                               FakeLetterResponseFiles fakeResponses, LetterBuckets buckets, Clock clock) {
        this.notifications = notifications;
        this.templates = templates;
        this.content = content;
        this.contactBlocks = contactBlocks;
        this.objects = objects;
        this.fakeResponses = fakeResponses;
        this.buckets = buckets;
        this.clock = clock;
    }

    public void create(LetterPdfTask task) {
        NotificationRow letter = notifications.find(task.notificationId()).orElseThrow(() ->
                new IllegalStateException("No notification " + task.notificationId() + " to make a letter PDF for"));
        if (!awaitingPdf(letter)) {
            log.info("Letter {} is {} with {} billable units: its PDF is already done", letter.id(), letter.status(),
                    letter.billableUnits());
            return;
        }
        TemplatedLetterPdf.Rendered pdf = TemplatedLetterPdf.render(layout(letter));
        boolean testKey = letter.keyType() == KeyType.TEST;
        LocalDateTime now = LocalDateTime.now(clock);
        if (pdf.pageCount() > LetterPage.MAX_PAGES) {
            LetterBuckets.Location invalid = buckets.invalid(letter, postage(letter));
            objects.putPdf(invalid.bucket(), invalid.key(), pdf.pdf(), Map.of("message", "letter-too-long",
                    "invalid_pages", "[]", "page_count", String.valueOf(pdf.pageCount())));
            notifications.markTemplatedTooLong(letter.id(), now);
            log.info("Letter {} has {} pages, more than {}: validation-failed", letter.id(), pdf.pageCount(),
                    LetterPage.MAX_PAGES);
            return;
        }
        LetterBuckets.Location printable = buckets.printable(letter, postage(letter));
        objects.putPdf(printable.bucket(), printable.key(), pdf.pdf(), Map.of());
        boolean recorded = notifications.recordSheets(letter.id(), LetterPage.sheets(pdf.pageCount()), now);
        if (recorded && testKey) {
            fakeResponse(letter);
        }
    }

    private void fakeResponse(NotificationRow letter) {
        try {
            String file = fakeResponses.create(letter.reference());
            log.info("Test-key letter {} answered by fake DVLA response file {}", letter.id(), file);
        } catch (RuntimeException e) {
            notifications.forgetSheets(letter.id());
            throw e;
        }
    }

    static String postage(NotificationRow letter) {
        return letter.postage() == null ? "second" : letter.postage();
    }

    private static boolean awaitingPdf(NotificationRow letter) {
        if (letter.notificationType() != NotificationType.LETTER || letter.billableUnits() != 0) {
            return false;
        }
        return letter.status() == NotificationStatus.CREATED
                || (letter.status() == NotificationStatus.SENDING && letter.keyType() == KeyType.TEST);
    }

    private TemplatedLetterPdf.Content layout(NotificationRow letter) {
        StoredTemplate template = templates.findVersion(letter.serviceId(), letter.templateId(), letter.templateVersion())
                .orElseThrow(() -> new IllegalStateException("Letter " + letter.id() + " has no template version "
                        + letter.templateId() + "/" + letter.templateVersion()));
        String contactBlock = letter.replyToText() != null ? letter.replyToText()
                : contactBlocks.forTemplate(letter.serviceId(), letter.templateId());
        RenderedLetter rendered = LetterRenderer.render(template.subject(), template.content(), contactBlock,
                content.decryptPersonalisation(letter.encryptedPersonalisation()));
        return new TemplatedLetterPdf.Content(Arrays.asList(letter.to().split("\n")), rendered.contactBlock(),
                letter.createdAt().atZone(ZoneOffset.UTC).withZoneSameInstant(NotifyTime.LONDON).toLocalDate(),
                rendered.subject(), LetterMarkdown.blocks(rendered.body()));
    }
}
