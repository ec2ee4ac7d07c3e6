package org.notifyhub.services;

import java.time.LocalDateTime;
import java.util.UUID;

/** An API key with its secret decrypted, ready to check a JWT signature. */
public record ApiKey(UUID id, String name, String secret, UUID serviceId, String keyType, LocalDateTime expiryDate) {

    public boolean revoked() {
        return expiryDate != null;
    }

    /** The key string as Notify shows it once: {name}-{service_id}-{secret}. */
    public String fullKey() {
        return name + "-" + serviceId + "-" + secret;
    }
}
