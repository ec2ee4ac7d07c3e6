package org.notifyhub.notifications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The kind of API key a notification was sent with, as api_keys.key_type and notifications.key_type store it: live
 * ({@code normal}), {@code team} (only to the team and guest list) or {@code test} (simulated, never sent).
 */
public enum KeyType {
    NORMAL("normal"),
    TEAM("team"),
    TEST("test");

    private final String wireName;

    KeyType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(KeyType::wireName).toList();
    }

    public static KeyType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(k -> k.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown key type: " + name));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
