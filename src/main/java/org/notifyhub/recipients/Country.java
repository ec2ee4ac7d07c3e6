package org.notifyhub.recipients;

import java.util.Objects;

/**
 * A country or territory that may end a postal address.
 *
 * @param name the name Notify prints on the letter, e.g. {@code Germany} for {@code Deutschland}
 * @param zone UK (line dropped, UK rules apply), Europe or the rest of the world
 */
public record Country(String name, PostageZone zone) {

    public Country {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
    }
}
