package org.notifyhub.documents;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.letters.VirusScanner;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.recipients.EmailAddresses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Files sent by email (Notify's process_document_uploads and document-download-api's upload): every file of a send is
 * checked (shape, service set up, size, name, virus scan, type) before any is stored; each then gets its own key, is
 * sealed with it and put in the documents bucket, and its personalisation value becomes the download link. A simulated
 * recipient or a test key gets Notify's test link and nothing is stored.
 */
@Component
public class SendFiles {

    private final DocumentRepository documents;
    private final DocumentBucket bucket;
    private final VirusScanner scanner;
    private final Clock clock;
    private final String adminBaseUrl;

    public SendFiles(DocumentRepository documents, DocumentBucket bucket, VirusScanner scanner, Clock clock,
                     @Value("${notify.admin-base-url}") String adminBaseUrl) {
        this.documents = documents;
        this.bucket = bucket;
        this.scanner = scanner;
        this.clock = clock;
        this.adminBaseUrl = adminBaseUrl;
    }

    /** A file checked and given its id and key, not stored yet. */
    public record Pending(FileUpload upload, UUID id, byte[] key, String emailHash) {
    }

    /**
     * The personalisation with each file replaced by its link, how many files there were (null for none, as
     * Notify), and the files still to {@link #store}.
     */
    public record Attached(Map<String, Object> personalisation, Integer count, List<Pending> pending,
                           UUID serviceId, UUID notificationId) {
    }

    /** Notify's check_template_can_contain_documents. */
    public static void checkChannel(NotificationType type, Map<String, Object> personalisation) {
        if (type != NotificationType.EMAIL && personalisation.values().stream().anyMatch(FileUploadChecks::isFile)) {
            throw V2ApiException.badRequest("Can only send a file by email");
        }
    }

    /**
     * Checks every file and works out its link; stores nothing.
     *
     * @param linkBase    where the links point (the download pages' root)
     * @param storeNothing a simulated recipient or a test key: Notify's test link, nothing checked past the shape
     */
    public Attached attach(Map<String, Object> personalisation, UUID serviceId, UUID notificationId, String recipient,
                           boolean storeNothing, String linkBase) {
        List<String> fileKeys = personalisation.entrySet().stream().filter(e -> FileUploadChecks.isFile(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (fileKeys.isEmpty()) {
            return new Attached(personalisation, null, List.of(), serviceId, notificationId);
        }
        fileKeys.forEach(key -> FileUploadChecks.validateShape((Map<?, ?>) personalisation.get(key)));
        checkSetUp(serviceId);
        Map<String, Object> replaced = new LinkedHashMap<>(personalisation);
        List<Pending> pending = new ArrayList<>();
        for (String name : fileKeys) {
            if (storeNothing) {
                replaced.put(name, DocumentLinks.test(linkBase, serviceId));
                continue;
            }
            FileUpload upload = check(name, (Map<?, ?>) personalisation.get(name));
            byte[] key = DocumentCrypto.newKey();
            String emailHash = upload.confirmEmail()
                    ? DocumentCrypto.hmac(key, EmailAddresses.normalise(recipient)) : null;
            Pending file = new Pending(upload, UUID.randomUUID(), key, emailHash);
            pending.add(file);
            replaced.put(name, DocumentLinks.landing(linkBase, serviceId, file.id(), key));
        }
        return new Attached(replaced, fileKeys.size(), List.copyOf(pending), serviceId, notificationId);
    }

    /** Seals and stores each file; if one fails, those already stored are removed and the failure goes on. */
    public void store(Attached attached) {
        List<Pending> stored = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            for (Pending file : attached.pending()) {
                FileUpload upload = file.upload();
                String objectKey = attached.serviceId() + "/" + file.id();
                bucket.put(objectKey, DocumentCrypto.encrypt(file.key(), upload.content()));
                stored.add(file);
                documents.insert(new DocumentRow(file.id(), attached.serviceId(), attached.notificationId(), objectKey,
                        upload.filename(), upload.mimetype(), upload.content().length,
                        DocumentCrypto.keyCheck(file.key(), file.id()), file.emailHash(), now,
                        now.toLocalDate().plusWeeks(upload.retentionWeeks()), null));
            }
        } catch (RuntimeException e) {
            discard(attached.serviceId(), stored);
            throw e;
        }
    }

    /** Removes stored files again (the send they belong to was not accepted after all). */
    public void discard(Attached attached) {
        discard(attached.serviceId(), attached.pending());
    }

    private void discard(UUID serviceId, List<Pending> files) {
        for (Pending file : files) {
            bucket.delete(serviceId + "/" + file.id());
            documents.delete(file.id());
        }
    }

    private void checkSetUp(UUID serviceId) {
        String contactLink = documents.serviceContact(serviceId).map(DocumentRepository.ServiceContact::contactLink)
                .orElse(null);
        if (!StringUtils.hasText(contactLink)) {
            throw V2ApiException.badRequest("Send files by email has not been set up - add contact details for your "
                    + "service at " + adminBaseUrl + "/services/" + serviceId
                    + "/service-settings/send-files-by-email");
        }
    }

    /** document-download-api's checks, in its order: base64, name, size, emptiness, virus scan, type. */
    private FileUpload check(String name, Map<?, ?> value) {
        byte[] content = FileUploadChecks.decode((String) value.get("file"));
        String filename = (String) value.get("filename");
        if (filename != null) {
            FileUploadChecks.checkFilename(filename);
        }
        FileUploadChecks.checkSize(content);
        if (scanner.scan(content).infected()) {
            throw V2ApiException.badRequest("File did not pass the virus scan");
        }
        String mimetype = FileUploadChecks.mimetype(content, filename, Boolean.TRUE.equals(value.get("is_csv")));
        int weeks = value.get("retention_period") == null ? FileUploadChecks.DEFAULT_RETENTION_WEEKS
                : FileUploadChecks.retentionWeeks(value.get("retention_period"));
        return new FileUpload(name, content, mimetype, filename,
                !Boolean.FALSE.equals(value.get("confirm_email_before_download")), weeks);
    }
}
