package org.notifyhub.admin;

import java.util.UUID;

/** Ids in admin URLs: Notify's routes only match UUIDs, so anything else is not found. */
public final class PathIds {

    private PathIds() {
    }

    public static UUID parse(String value) {
        if (value != null) {
            try {
                UUID id = UUID.fromString(value);
                if (id.toString().equalsIgnoreCase(value)) {
                    return id;
                }
            } catch (IllegalArgumentException ignored) {
                // not found, below
            }
        }
        throw AdminApiException.notFound();
    }
}
