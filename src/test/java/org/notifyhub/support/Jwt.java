package org.notifyhub.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;

/** Signs tokens the way Notify's client libraries do, with knobs to make them wrong on purpose. */
public final class Jwt {

    private Jwt() {
    }

    public static String forKey(String fullKey) {
        return signed(serviceId(fullKey), secret(fullKey), Instant.now());
    }

    public static String signed(String issuer, String secret, Instant issuedAt) {
        return JWT.create().withIssuer(issuer).withIssuedAt(issuedAt).sign(Algorithm.HMAC256(secret));
    }

    public static String serviceId(String fullKey) {
        return fullKey.substring(fullKey.length() - 73, fullKey.length() - 37);
    }

    public static String secret(String fullKey) {
        return fullKey.substring(fullKey.length() - 36);
    }
}
