package org.notifyhub.api.v2;

import java.util.UUID;
import org.apache.camel.Header;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.letters.LetterPdfNotFoundException;
import org.notifyhub.letters.LetterPdfStore;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
import org.springframework.stereotype.Component;

/** GET /v2/notifications/{id}/pdf: a letter's PDF, or Notify's reason why it cannot be had yet. */
@Component
public class LetterPdfs {

    private final NotificationRepository notifications;
    private final LetterPdfStore store;

    public LetterPdfs(NotificationRepository notifications, LetterPdfStore store) {
        this.notifications = notifications;
        this.store = store;
    }

    public byte[] get(@Header("notification_id") String notificationId,
                      @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key) {
        UUID id = NotificationLookup.parseId(notificationId);
        NotificationRow row = notifications.findForService(key.service().id(), id).orElseThrow(V2ApiException::notFound);
        if (row.notificationType() != NotificationType.LETTER) {
            throw V2ApiException.badRequest("Notification is not a letter");
        }
        switch (row.status()) {
            case VIRUS_SCAN_FAILED -> throw V2ApiException.badRequest("File did not pass the virus scan");
            case TECHNICAL_FAILURE -> throw V2ApiException.badRequest(
                    "PDF not available for letters in status technical-failure");
            case PENDING_VIRUS_CHECK -> throw V2ApiException.pdfNotReady();
            default -> {
                try {
                    return store.get(row);
                } catch (LetterPdfNotFoundException e) {
                    throw V2ApiException.pdfNotReady();
                }
            }
        }
    }
}
