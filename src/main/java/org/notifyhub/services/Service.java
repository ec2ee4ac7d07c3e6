package org.notifyhub.services;

import java.util.Set;
import java.util.UUID;

/** A service as the API needs it on every request. */
public record Service(
        UUID id,
        String name,
        boolean active,
        boolean restricted,
        boolean researchMode,
        String emailFrom,
        boolean prefixSms,
        int rateLimit,
        Set<String> permissions) {

    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }
}
