package org.notifyhub.documents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The cookie that says "this browser gave the address the file was sent to": the time it lapses and an HMAC of the
 * service, the document and that time under the hub's secret, sent only to the file's own URL (as Notify's
 * {@code document_access_signed_data}).
 */
@Component
public class DocumentAccess {

    static final String COOKIE = "document_access_signed_data";

    private final Clock clock;
    private final byte[] secret;
    private final Duration confirmedFor;
    private final boolean secureLinks;

    public DocumentAccess(Clock clock, @Value("${notify.secret-key}") String secretKey,
                          @Value("${notify.documents.confirmed-for}") Duration confirmedFor,
                          @Value("${notify.documents.link-base}") String linkBase) {
        this.clock = clock;
        // the current key (the first of a rotation list): a grant is short-lived, so a rotation only asks again
        this.secret = ("document-access:" + secretKey.split(",")[0].strip()).getBytes(StandardCharsets.UTF_8);
        this.confirmedFor = confirmedFor;
        this.secureLinks = linkBase.startsWith("https:");
    }

    /** The Set-Cookie value for a browser that confirmed the address; Secure whenever the links are https. */
    public String grant(DocumentRow d, String requestUrl) {
        long until = clock.instant().plus(confirmedFor).getEpochSecond();
        return COOKIE + "=" + until + "." + signature(d, until) + "; Path=" + DocumentFiles.path(d)
                + "; Max-Age=" + confirmedFor.toSeconds() + "; HttpOnly; SameSite=Lax"
                + (secureLinks || requestUrl.startsWith("https:") ? "; Secure" : "");
    }

    /** Whether one of the request's Cookie headers holds an unexpired grant for this document. */
    public boolean granted(DocumentRow d, List<String> cookieHeaders) {
        for (String header : cookieHeaders) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(COOKIE) && valid(d, pair[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean valid(DocumentRow d, String value) {
        String[] parts = value.split("\\.", 2);
        if (parts.length != 2 || !parts[0].matches("\\d{1,12}")) {
            return false;
        }
        long until = Long.parseLong(parts[0]);
        return until >= clock.instant().getEpochSecond() && DocumentCrypto.sameDigest(parts[1], signature(d, until));
    }

    private String signature(DocumentRow d, long until) {
        return DocumentCrypto.hmac(secret, d.serviceId() + "/" + d.id() + "/" + until);
    }

    /** A header's values: Camel gives a repeated header (or a form field named like one) as a list. */
    static List<String> values(Object header) {
        if (header instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return header == null ? List.of() : List.of(header.toString());
    }
}
