package org.notifyhub.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.notifyhub.api.v2.schemas.SendSchemas;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.letters.LetterPdfNames;
import org.notifyhub.letters.PrecompiledLetterUploads;
import org.notifyhub.letters.PrecompiledTemplates;
import org.notifyhub.notifications.DvlaReference;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationOrigin;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.notifications.NotificationWriter;
import org.notifyhub.queues.LetterPdfTask;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.services.Service;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.stereotype.Component;

/**
 * POST /v2/notifications/letter with {@code content}: a precompiled PDF. The file goes to the scan bucket and the
 * letter waits in {@code pending-virus-check}, with a scan-and-sanitise-letter task for the route to queue on
 * letter-tasks.
 */
@Component
public class PrecompiledLetterIntake {


    private final SendChecks checks;
    private final PrecompiledTemplates precompiledTemplates;
    private final TemplateRepository templates;
    private final PrecompiledLetterUploads uploads;
    private final NotificationContent content;
    private final NotificationWriter writer;
    private final Clock clock;
    private final String letterTasksQueue;

    public PrecompiledLetterIntake(SendChecks checks, PrecompiledTemplates precompiledTemplates,
                                   TemplateRepository templates, PrecompiledLetterUploads uploads,
                                   NotificationContent content, NotificationWriter writer, Clock clock,
                                   QueueNames queues) {
        this.checks = checks;
        this.precompiledTemplates = precompiledTemplates;
        this.templates = templates;
        this.uploads = uploads;
        this.content = content;
        this.writer = writer;
        this.clock = clock;
        this.letterTasksQueue = queues.letterTasks();
    }

    public AcceptedNotification accept(JsonNode request, AuthenticatedApiKey key) {
        SendSchemas.PRECOMPILED_LETTER.validate(request);
        Service service = key.service();
        checks.permission(service, NotificationType.LETTER);
        checks.keyMaySendLetters(key);
        byte[] pdf;
        try {
            // As Python's b64decode, which Notify uses: characters outside the alphabet are skipped, but what is left
            // must be whole groups of four.
            String base64 = request.get("content").asText().replaceAll("[^A-Za-z0-9+/=]", "");
            if (base64.length() % 4 != 0) {
                throw new IllegalArgumentException("Incorrect padding");
            }
            pdf = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw V2ApiException.badRequest("Cannot decode letter content (invalid base64 encoding)");
        }
        if (pdf.length == 0) {
            throw V2ApiException.badRequest("Cannot decode letter content (invalid base64 encoding)");
        }
        UUID templateId = precompiledTemplates.findOrCreate(service.id());
        StoredTemplate template = templates.findLatest(service.id(), templateId).orElseThrow();
        // As Notify: the postage asked for, else the hidden template's, which is second class.
        String postage = Objects.requireNonNullElse(SendChecks.text(request, "postage"),
                Objects.requireNonNullElse(template.postage(), NotificationRow.DEFAULT_POSTAGE));
        String clientReference = SendChecks.text(request, "reference");
        UUID id = UUID.randomUUID();
        String reference = DvlaReference.random();
        LocalDateTime now = LocalDateTime.now(clock);

        // The file is stored first, so no row ever points at a PDF that is not there.
        uploads.toScanBucket(LetterPdfNames.fileName("", reference, postage, now), pdf);
        NotificationOrigin origin = NotificationOrigin.api(service.id(), template, key.keyId(),
                KeyType.fromWireName(key.keyType()), now);
        writer.save(NotificationRow.precompiledLetter(id, origin, reference, postage, clientReference,
                        content.encryptPersonalisation(Map.of("address_line_1", NotificationRow.PROVIDED_AS_PDF))),
                service, false);
        return new AcceptedNotification(new LetterPdfTask(id), letterTasksQueue,
                new SendResponses.PrecompiledSent(id, clientReference, postage));
    }
}
