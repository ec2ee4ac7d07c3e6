package org.notifyhub.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.springframework.stereotype.Component;

/**
 * document-download-frontend's pages for a file sent by email: the landing page of a link, the email address
 * confirmation and the download page ({@link DocumentFiles} serves the file). Nothing is shown without the document's
 * own key: a wrong key or an unknown file is 404, a file past its last day or deleted 410. GETs change nothing.
 */
@Component
public class DocumentDownloads {

    private final DocumentRepository documents;
    private final DocumentAccess access;
    private final ConfirmAttempts attempts;
    private final Clock clock;

    public DocumentDownloads(DocumentRepository documents, DocumentAccess access, ConfirmAttempts attempts,
                             Clock clock) {
        this.documents = documents;
        this.access = access;
        this.attempts = attempts;
        this.clock = clock;
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
        if (!attempts.tryAttempt(found.document().id())) {
            return DocumentPage.tooManyAttempts(DocumentPages.tooManyAttempts(found.service(),
                    pageUrl(found, "/confirm-email-address", key)), attempts.window());
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
            return DocumentPage.redirect(303, pageUrl(found, "/download", key),
                    access.grant(found.document(), requestUrl));
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
        return DocumentPage.html(200, DocumentPages.download(found.service(), d, DocumentFiles.path(d) + "?key=" + key,
                LocalDate.now(clock)));
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

    private static boolean validEmail(String address) {
        try {
            EmailAddresses.validate(address);
            return true;
        } catch (InvalidRecipientException e) {
            return false;
        }
    }

    private static String lastValue(Object header) {
        List<String> values = DocumentAccess.values(header);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
