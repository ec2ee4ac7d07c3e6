package org.notifyhub.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Header;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.services.ApiKey;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceCache;
import org.springframework.stereotype.Component;

/** Checks a v2 request's bearer JWT exactly as GOV.UK Notify does, with Notify's error texts. */
@Component
public class ApiKeyAuthenticator {

    static final String NO_TOKEN = "Unauthorized: authentication token must be provided";
    static final String NOT_BEARER = "Unauthorized: authentication bearer scheme must be used";
    static final String UNDECODABLE = "Invalid token: make sure your API token matches the example at "
            + "https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header";
    static final String NO_ISS = "Invalid token: iss field not provided";
    static final String ISS_NOT_UUID = "Invalid token: service id is not the right data type";
    static final String SERVICE_NOT_FOUND = "Invalid token: service not found";
    static final String NO_KEYS = "Invalid token: service has no API keys";
    static final String ARCHIVED = "Invalid token: service is archived";
    static final String CLOCK = "Error: Your system clock must be accurate to within 30 seconds";
    static final String NOT_HS256 = "Invalid token: algorithm used is not HS256";
    static final String KEY_NOT_FOUND = "Invalid token: API key not found";
    static final String REVOKED = "Invalid token: API key revoked";
    private static final long CLOCK_SKEW_SECONDS = 30;

    private final ServiceCache services;
    private final Clock clock;

    public ApiKeyAuthenticator(ServiceCache services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    public AuthenticatedApiKey authenticate(@Header("Authorization") String authorization) {
        DecodedJWT token = decode(bearerToken(authorization));
        UUID serviceId = issuer(token);
        Optional<Service> found = services.service(serviceId);
        if (found.isEmpty()) {
            throw forbidden(SERVICE_NOT_FOUND);
        }
        Service service = found.get();
        List<ApiKey> keys = services.apiKeys(serviceId);
        if (keys.isEmpty()) {
            throw forbidden(NO_KEYS);
        }
        if (!service.active()) {
            throw forbidden(ARCHIVED);
        }
        if (!"HS256".equals(token.getAlgorithm())) {
            throw forbidden(NOT_HS256);
        }
        for (ApiKey key : keys) {
            if (!signedWith(token, key.secret()) || token.getIssuedAtAsInstant() == null) {
                continue;
            }
            long skew = Math.abs(clock.instant().getEpochSecond() - token.getIssuedAtAsInstant().getEpochSecond());
            if (skew > CLOCK_SKEW_SECONDS) {
                throw forbidden(CLOCK);
            }
            if (key.revoked()) {
                throw forbidden(REVOKED);
            }
            return new AuthenticatedApiKey(key.id(), key.keyType(), service);
        }
        throw forbidden(KEY_NOT_FOUND);
    }

    static String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw V2ApiException.auth(401, NO_TOKEN);
        }
        if (authorization.length() < 7 || !authorization.substring(0, 7).equalsIgnoreCase("Bearer ")) {
            throw V2ApiException.auth(401, NOT_BEARER);
        }
        return authorization.substring(7).trim();
    }

    static DecodedJWT decode(String token) {
        try {
            return JWT.decode(token);
        } catch (JWTDecodeException e) {
            throw forbidden(UNDECODABLE);
        }
    }

    private static UUID issuer(DecodedJWT token) {
        String iss = token.getIssuer();
        if (iss == null) {
            throw forbidden(NO_ISS);
        }
        try {
            UUID id = UUID.fromString(iss);
            if (!id.toString().equalsIgnoreCase(iss)) {
                throw new IllegalArgumentException(iss);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw forbidden(ISS_NOT_UUID);
        }
    }

    static boolean signedWith(DecodedJWT token, String secret) {
        try {
            Algorithm.HMAC256(secret).verify(token);
            return true;
        } catch (SignatureVerificationException e) {
            return false;
        }
    }

    private static V2ApiException forbidden(String message) {
        return V2ApiException.auth(403, message);
    }
}
