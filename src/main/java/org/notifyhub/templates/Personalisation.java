package org.notifyhub.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Personalisation values looked up the way Notify matches placeholder names: ignoring case, spaces, _ and -. */
final class Personalisation {

    private final Map<String, Object> byNormalisedName;

    private Personalisation(Map<String, Object> byNormalisedName) {
        this.byNormalisedName = byNormalisedName;
    }

    static Personalisation of(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return new Personalisation(Collections.emptyMap());
        }
        Map<String, Object> normalised = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key != null) {
                normalised.put(Placeholders.normalise(key), value);
            }
        });
        return new Personalisation(normalised);
    }

    boolean isEmpty() {
        return byNormalisedName.isEmpty();
    }

    /** The value for a placeholder, or null when it is missing: absent or null both count as missing. */
    Object valueFor(String placeholderName) {
        return byNormalisedName.get(Placeholders.normalise(placeholderName));
    }
}
