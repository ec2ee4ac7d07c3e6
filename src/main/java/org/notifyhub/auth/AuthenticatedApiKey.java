package org.notifyhub.auth;

import java.util.UUID;
import org.notifyhub.services.Service;

/** Who is calling: the key that signed the request and the service it belongs to. */
public record AuthenticatedApiKey(UUID keyId, String keyType, Service service) {

    /** The header carrying this record through a route. */
    public static final String HEADER = "notifyApiKey";
}
