package org.notifyhub.recipients;

import java.util.Locale;
import java.util.regex.Pattern;
import org.notifyhub.common.Whitespace;

/** UK postcode rules as Notify applied them from 2020 to 2022: shape only, no list of real areas. */
final class Postcodes {

    /** Standard outward + inward code, BFPO (British Forces, optionally "care of"), and Girobank's GIR 0AA. */
    private static final Pattern REAL_UK_POSTCODE = Pattern.compile(
            "[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-BD-HJLNP-UW-Z]{2}"
                    + "|BFPO?(C/O)?[0-9]{1,4}"
                    + "|GIR0AA");

    private Postcodes() {
    }

    /** Whitespace anywhere is ignored and case doesn't matter: {@code " sw1a  1aa"} is {@code SW1A1AA}. */
    static String normalise(String postcode) {
        return Whitespace.removeChars(postcode, Whitespace.RECIPIENT).toUpperCase(Locale.ROOT);
    }

    static boolean isValid(String postcode) {
        return REAL_UK_POSTCODE.matcher(normalise(postcode)).matches();
    }

    /** Royal Mail's sorting machines want one space before the inward code; BFPO keeps its own layout. */
    static String formatForPrinting(String postcode) {
        String normalised = normalise(postcode);
        if (normalised.startsWith("BFP")) {
            // the rule accepts "BFP" without the O; print it as BFPO rather than splitting it like a postcode
            String rest = normalised.substring(normalised.startsWith("BFPO") ? 4 : 3);
            return rest.startsWith("C/O") ? "BFPO C/O " + rest.substring(3) : "BFPO " + rest;
        }
        return normalised.substring(0, normalised.length() - 3) + " " + normalised.substring(normalised.length() - 3);
    }

    /** The printable postcode, or null when the text is not a real UK postcode. */
    static String formatOrNull(String postcode) {
        return isValid(postcode) ? formatForPrinting(postcode) : null;
    }
}
