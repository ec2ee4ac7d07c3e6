package org.notifyhub.documents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * A file sent by email, as document-download-api serves it at {@code /services/<service>/documents/<id>.<ext>?key=}:
 * decrypted with the link's key, with its type and name; JSON errors in the API's words.
 */
@Component
public class DocumentFiles {

    private static final List<String> FORCE_DOWNLOAD = List.of("csv", "rtf", "txt");

    private final DocumentRepository documents;
    private final DocumentBucket bucket;
    private final DocumentAccess access;
    private final Clock clock;

    public DocumentFiles(DocumentRepository documents, DocumentBucket bucket, DocumentAccess access, Clock clock) {
        this.documents = documents;
        this.bucket = bucket;
        this.access = access;
        this.clock = clock;
    }

    /** Where the file is served: the document id with its type's extension. */
    static String path(DocumentRow d) {
        return "/services/" + d.serviceId() + "/documents/" + d.id() + "."
                + FileUploadChecks.extension(d.downloadName());
    }

    /**
     * The file, as document-download-api serves it at {@code /services/<service>/documents/<document>.<ext>}: its
     * errors are JSON; a file that needs its recipient's address sends a browser without the cookie to its landing page.
     */
    public DocumentPage file(@Header("service") String service, @Header("document") String document,
                             @Header("key") String key, @Header("Cookie") Object cookies) {
        if (key == null) {
            return DocumentPage.json(400, "Missing decryption key");
        }
        Optional<byte[]> keyBytes = DocumentLinks.decode(key);
        if (keyBytes.isEmpty()) {
            return DocumentPage.json(400, "Invalid decryption key");
        }
        Optional<UUID> serviceId = parseUuid(service);
        Optional<UUID> documentId = parseUuid(document.contains(".")
                ? document.substring(0, document.lastIndexOf('.')) : document);
        Optional<DocumentRow> row = serviceId.isEmpty() || documentId.isEmpty() ? Optional.empty()
                : documents.find(serviceId.get(), documentId.get());
        if (row.isEmpty()) {
            return DocumentPage.json(404, "The requested document could not be found");
        }
        DocumentRow d = row.get();
        if (d.deletedAt() != null) {
            return DocumentPage.json(410, "The document is no longer available");
        }
        if (!DocumentCrypto.sameDigest(d.keyCheck(), DocumentCrypto.keyCheck(keyBytes.get(), d.id()))) {
            return DocumentPage.json(400, "Forbidden");
        }
        if (d.expired(LocalDate.now(clock))) {
            return DocumentPage.json(410, "The document is no longer available");
        }
        if (d.recipientEmailHash() != null && !access.granted(d, DocumentAccess.values(cookies))) {
            return DocumentPage.redirect(302, DocumentLinks.path(d.serviceId(), d.id()) + "?key=" + key, null);
        }
        Optional<byte[]> content = bucket.read(d.objectKey()).map(sealed -> DocumentCrypto.decrypt(keyBytes.get(), sealed));
        if (content.isEmpty()) {
            return DocumentPage.json(410, "The document is no longer available");
        }
        String name = d.downloadName();
        String extension = FileUploadChecks.extension(name);
        String mimetype = d.filename() != null ? FileTypes.mimeTypeOf(extension) : d.mimetype();
        String disposition = (FORCE_DOWNLOAD.contains(extension) ? "attachment" : "inline") + "; filename=\""
                + name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_") + "\"; filename*=UTF-8''"
                + UriUtils.encode(name, StandardCharsets.UTF_8);
        return DocumentPage.file(content.get(), mimetype, disposition);
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value)).filter(id -> id.toString().equals(value.toLowerCase()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
