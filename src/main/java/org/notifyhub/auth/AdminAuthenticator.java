package org.notifyhub.auth;

import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Header;
import org.notifyhub.common.V2ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks an admin API request's bearer JWT as Notify's internal auth does: signed like an API key's, but issued by
 * the admin client id and signed with one of its secrets (several, so a secret can be rotated without downtime).
 */
@Component
public class AdminAuthenticator {

    static final String NOT_ALLOWED = "Unauthorized: not allowed to perform this action";
    private static final long CLOCK_SKEW_SECONDS = 30;

    private final String clientId;
    private final List<String> secrets;
    private final Clock clock;

    public AdminAuthenticator(@Value("${notify.admin.client-id}") String clientId,
                              @Value("${notify.admin.client-secrets:}") String secrets, Clock clock) {
        this.clientId = clientId;
        this.secrets = Arrays.stream(secrets.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.clock = clock;
    }

    public void authenticate(@Header("Authorization") String authorization) {
        DecodedJWT token = decode(authorization);
        if (token.getIssuer() == null) {
            throw new AdminAuthException(403, ApiKeyAuthenticator.NO_ISS);
        }
        if (!clientId.equals(token.getIssuer())) {
            throw new AdminAuthException(401, NOT_ALLOWED);
        }
        if (!"HS256".equals(token.getAlgorithm())) {
            throw new AdminAuthException(403, ApiKeyAuthenticator.NOT_HS256);
        }
        for (String secret : secrets) {
            if (!ApiKeyAuthenticator.signedWith(token, secret) || token.getIssuedAtAsInstant() == null) {
                continue;
            }
            long skew = Math.abs(clock.instant().getEpochSecond() - token.getIssuedAtAsInstant().getEpochSecond());
            if (skew > CLOCK_SKEW_SECONDS) {
                throw new AdminAuthException(403, ApiKeyAuthenticator.CLOCK);
            }
            return;
        }
        throw new AdminAuthException(403, ApiKeyAuthenticator.KEY_NOT_FOUND);
    }

    /** The bearer token, read and decoded exactly as for the public API, but failing in the admin envelope. */
    private static DecodedJWT decode(String authorization) {
        try {
            return ApiKeyAuthenticator.decode(ApiKeyAuthenticator.bearerToken(authorization));
        } catch (V2ApiException e) {
            throw new AdminAuthException(e.status(), e.getMessage());
        }
    }
}
