package org.notifyhub.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic on the inbound SMS endpoints, as Notify checks it: MMG's user name and password must each be one of
 * the configured lists (so credentials can be rotated); Firetext's user is always {@code notify}. With nothing
 * configured every request is refused.
 */
@Component
public class InboundSmsAuthenticator {

    private record Credentials(String username, String password) {
    }

    private final List<String> mmgUsernames;
    private final List<String> mmgPasswords;
    private final List<String> firetextPasswords;

    public InboundSmsAuthenticator(@Value("${notify.mmg.inbound-sms-username:}") String mmgUsernames,
                                   @Value("${notify.mmg.inbound-sms-auth:}") String mmgPasswords,
                                   @Value("${notify.firetext.inbound-sms-auth:}") String firetextPasswords) {
        this.mmgUsernames = list(mmgUsernames);
        this.mmgPasswords = list(mmgPasswords);
        this.firetextPasswords = list(firetextPasswords);
    }

    public void checkMmg(@Header("Authorization") String authorization) {
        Credentials credentials = basic(authorization);
        if (!mmgUsernames.contains(credentials.username()) || !mmgPasswords.contains(credentials.password())) {
            throw InboundSmsAuthException.refused();
        }
    }

    public void checkFiretext(@Header("Authorization") String authorization) {
        Credentials credentials = basic(authorization);
        if (!"notify".equals(credentials.username()) || !firetextPasswords.contains(credentials.password())) {
            throw InboundSmsAuthException.refused();
        }
    }

    /** Anything but a readable Basic header counts as no credentials, as Flask's request.authorization does. */
    private static Credentials basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw InboundSmsAuthException.missing();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InboundSmsAuthException.missing();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw InboundSmsAuthException.missing();
        }
        return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
