package org.notifyhub.documents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The download side of files sent by email, as document-download-frontend and -api answer it: the landing page of a
 * link, the email address confirmation, the download page, and the file itself. Nothing is shown or served without
 * the document's own key; a file past its last day is 410, a wrong key or an unknown file 404. GETs change nothing.
 */
@Component
public class DocumentDownloads {

    static final String ACCESS_COOKIE = "document_access_signed_data";
    private static final List<String> FORCE_DOWNLOAD = List.of("csv", "rtf", "txt");

    private final DocumentRepository documents;
    private final DocumentBucket bucket;
    private final Clock clock;
    private final byte[] secret;
    private final Duration confirmedFor;
    private final boolean secureLinks;

    public DocumentDownloads(DocumentRepository documents, DocumentBucket bucket, Clock clock,
                             @Value("${notify.secret-key}") String secretKey,
                             @Value("${notify.documents.confirmed-for}") Duration confirmedFor,
                             @Value("${notify.documents.link-base}") String linkBase) {
        this.documents = documents;
        this.bucket = bucket;
        this.clock = clock;
        this.secret = ("document-access:" + secretKey).getBytes(StandardCharsets.UTF_8);
        this.confirmedFor = confirmedFor;
        this.secureLinks = linkBase.startsWith("https:");
    }

    /** The document a link names, with the right key; or the page that answers instead. */
    private record Found(DocumentRepository.ServiceContact service, DocumentRow document, byte[] key,
                         DocumentPage refusal) {
    }

    public DocumentPage landing(@Header("service") String service, @Header("document") String document,
                                @Header("key") String key) {
        Found found = find(service, document, key);
        if (found.refusal() != null) {
            return found.refusal();
        }
        String next = found.document().recipientEmailHash() != null ? "/confirm-email-address" : "/download";
        return DocumentPage.html(200, DocumentPages.landing(found.service(), pageUrl(found, next, key)));
    }

    public DocumentPage confirmForm(@Header("service") String service, @Header("document") String document,
                                    @Header("key") String key) {
        Found found = find(service, document, key);
        if (found.refusal() != null) {
            return found.refusal();
        }
        if (found.document().recipientEmailHash() == null) {
            return DocumentPage.redirect(302, pageUrl(found, "/download", key), null);
        }
        return DocumentPage.html(200, DocumentPages.confirm(found.service(), null, null));
    }

    /** The address given is the one the file was sent to: this browser may download it for a while. */
    public DocumentPage confirm(@Header("service") String service, @Header("document") String document,
                                @Header("key") String key, @Header("email_address") Object emailAddress,
                                @Header(Exchange.HTTP_URL) String requestUrl) {
        Found found = find(service, document, key);
        if (found.refusal() != null) {
            return found.refusal();
        }
        if (found.document().recipientEmailHash() == null) {
            return DocumentPage.redirect(303, pageUrl(found, "/download", key), null);
        }
        String given = lastValue(emailAddress);
        String entered = given == null ? "" : given.replaceAll("\\s", "");
        String error;
        if (entered.isEmpty()) {
            error = "Enter your email address";
        } else if (!validEmail(entered)) {
            error = "Not a valid email address";
        } else if (DocumentCrypto.sameDigest(found.document().recipientEmailHash(),
                DocumentCrypto.hmac(found.key(), EmailAddresses.normalise(entered)))) {
            DocumentRow d = found.document();
            long until = clock.instant().plus(confirmedFor).getEpochSecond();
            String cookie = ACCESS_COOKIE + "=" + until + "." + accessSignature(d, until) + "; Path=" + filePath(d)
                    + "; Max-Age=" + confirmedFor.toSeconds() + "; HttpOnly; SameSite=Lax"
                    + (secureLinks || requestUrl.startsWith("https:") ? "; Secure" : "");
            return DocumentPage.redirect(303, pageUrl(found, "/download", key), cookie);
        } else {
            error = DocumentPages.wrongEmail(found.service());
        }
        return DocumentPage.html(400, DocumentPages.confirm(found.service(), error, given));
    }

    public DocumentPage downloadPage(@Header("service") String service, @Header("document") String document,
                                     @Header("key") String key) {
        Found found = find(service, document, key);
        if (found.refusal() != null) {
            return found.refusal();
        }
        DocumentRow d = found.document();
        return DocumentPage.html(200, DocumentPages.download(found.service(), d, filePath(d) + "?key=" + key,
                LocalDate.now(clock)));
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
        if (d.recipientEmailHash() != null && !confirmed(d, cookies)) {
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

    /** The frontend's answer to a failure of its own. */
    public DocumentPage serverError() {
        return DocumentPage.html(500, DocumentPages.serverError());
    }

    private Found find(String service, String document, String key) {
        if (key == null || key.isEmpty()) {
            return refused(DocumentPage.html(404, DocumentPages.notFound()));
        }
        Optional<UUID> serviceId = DocumentLinks.uuid(service);
        Optional<DocumentRepository.ServiceContact> contact = serviceId.flatMap(documents::serviceContact);
        if (contact.isEmpty()) {
            return refused(DocumentPage.html(404, DocumentPages.notFound()));
        }
        Optional<DocumentRow> row = DocumentLinks.uuid(document).flatMap(id -> documents.find(serviceId.get(), id));
        if (row.isEmpty()) {
            return refused(DocumentPage.html(404, DocumentPages.unavailable(contact.get(), 404)));
        }
        DocumentRow d = row.get();
        if (d.deletedAt() != null) {
            return refused(DocumentPage.html(410, DocumentPages.unavailable(contact.get(), 410)));
        }
        Optional<byte[]> keyBytes = DocumentLinks.decode(key);
        if (keyBytes.isEmpty() || !DocumentCrypto.sameDigest(d.keyCheck(), DocumentCrypto.keyCheck(keyBytes.get(), d.id()))) {
            return refused(DocumentPage.html(404, DocumentPages.unavailable(contact.get(), 404)));
        }
        if (d.expired(LocalDate.now(clock))) {
            return refused(DocumentPage.html(410, DocumentPages.unavailable(contact.get(), 410)));
        }
        return new Found(contact.get(), d, keyBytes.get(), null);
    }

    private static Found refused(DocumentPage page) {
        return new Found(null, null, null, page);
    }

    private static String pageUrl(Found found, String page, String key) {
        return DocumentLinks.path(found.document().serviceId(), found.document().id()) + page + "?key=" + key;
    }

    /** Where document-download-api serves the file: the document id with its type's extension. */
    static String filePath(DocumentRow d) {
        return "/services/" + d.serviceId() + "/documents/" + d.id() + "."
                + FileUploadChecks.extension(d.downloadName());
    }

    private String accessSignature(DocumentRow d, long until) {
        return DocumentCrypto.hmac(secret, d.serviceId() + "/" + d.id() + "/" + until);
    }

    private boolean confirmed(DocumentRow d, Object cookieHeader) {
        for (String header : values(cookieHeader)) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(ACCESS_COOKIE) && validAccess(d, pair[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean validAccess(DocumentRow d, String value) {
        String[] parts = value.split("\\.", 2);
        if (parts.length != 2 || !parts[0].matches("\\d{1,12}")) {
            return false;
        }
        long until = Long.parseLong(parts[0]);
        return until >= clock.instant().getEpochSecond() && DocumentCrypto.sameDigest(parts[1], accessSignature(d, until));
    }

    private static boolean validEmail(String address) {
        try {
            EmailAddresses.validate(address);
            return true;
        } catch (InvalidRecipientException e) {
            return false;
        }
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value)).filter(id -> id.toString().equals(value.toLowerCase()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static List<String> values(Object header) {
        if (header instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return header == null ? List.of() : List.of(header.toString());
    }

    private static String lastValue(Object header) {
        List<String> values = values(header);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
