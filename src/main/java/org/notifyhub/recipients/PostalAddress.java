package org.notifyhub.recipients;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.notifyhub.common.Whitespace;

/**
 * A postal address normalised the way Notify prints it. Build one with {@link PostalAddresses}, then
 * check it with {@link PostalAddresses#validate(PostalAddress, boolean)}.
 *
 * @param lines         normalised lines: the last one is the formatted postcode (UK) or the country's
 *                      name (international); a trailing line naming the UK ("England", "UK"…) is dropped
 * @param postcode      the formatted UK postcode, or null when international or not a real postcode
 * @param international true when the last line names a country outside the UK
 * @param postage       null for UK addresses, else {@code "europe"} or {@code "rest-of-world"}
 */
public record PostalAddress(List<String> lines, String postcode, boolean international, String postage) {

    private static final Set<String> INTERNATIONAL_POSTAGE =
            Set.of(PostageZone.EUROPE.postage(), PostageZone.REST_OF_WORLD.postage());

    public PostalAddress {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (international && (postcode != null || postage == null || !INTERNATIONAL_POSTAGE.contains(postage))) {
            throw new IllegalArgumentException("An international address has no postcode and europe or rest-of-world postage");
        }
        if (!international && postage != null) {
            throw new IllegalArgumentException("A UK address keeps the service's postage, so postage must be null");
        }
    }

    /** The address as stored in the notification's {@code to}: one line per row. */
    public String to() {
        return String.join("\n", lines);
    }

    /** Notify's {@code normalised_to} for letters: the address without any whitespace, lower-cased. */
    public String normalisedTo() {
        String to = to();
        StringBuilder out = new StringBuilder(to.length());
        for (int i = 0; i < to.length(); i++) {
            if (!Whitespace.isSpace(to.charAt(i))) {
                out.append(to.charAt(i));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Line {@code n} (1-based) of the normalised address, or null past the last line, for the v2
     * response's {@code line_1}…{@code line_6}.
     */
    public String line(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Address lines are numbered from 1, not " + n);
        }
        return n <= lines.size() ? lines.get(n - 1) : null;
    }

    public int lineCount() {
        return lines.size();
    }
}
