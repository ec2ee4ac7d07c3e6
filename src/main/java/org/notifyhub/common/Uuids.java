package org.notifyhub.common;

import java.util.Optional;
import java.util.UUID;

/** Ids as clients send them: only the canonical 8-4-4-4-12 hex form (UUID.fromString also takes "1-2-3-4-5"). */
public final class Uuids {

    private Uuids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
