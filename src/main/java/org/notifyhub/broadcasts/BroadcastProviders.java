package org.notifyhub.broadcasts;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The operators broadcasts go to (Notify's ENABLED_CBCS), narrowed per service by its settings' provider. */
@Component
public class BroadcastProviders {

    public static final List<String> KNOWN = List.of("ee", "o2", "three", "vodafone");

    private final List<String> enabled;

    public BroadcastProviders(@Value("${notify.broadcasts.providers}") String providers) {
        this.enabled = Arrays.stream(providers.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        List<String> unknown = enabled.stream().filter(p -> !KNOWN.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("notify.broadcasts.providers names unknown operators " + unknown
                    + "; known: " + KNOWN);
        }
    }

    public List<String> enabled() {
        return enabled;
    }

    /** @param allowed the service's provider setting: null or "all" for every enabled operator */
    public List<String> forService(String allowed) {
        return allowed == null || "all".equals(allowed) ? enabled : enabled.stream().filter(allowed::equals).toList();
    }
}
