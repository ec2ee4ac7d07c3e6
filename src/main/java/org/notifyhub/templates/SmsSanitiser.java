package org.notifyhub.templates;

import java.text.Normalizer;
import java.util.Map;

/**
 * Makes text sendable as an SMS: GSM and Welsh characters are kept, accented letters lose their accents,
 * typographic punctuation becomes plain, invisible characters go, and anything else becomes {@code ?}.
 */
final class SmsSanitiser {

    private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(
            Map.entry(0x2011, "-"), // non-breaking hyphen
            Map.entry(0x2013, "-"), // en dash
            Map.entry(0x2014, "-"), // em dash
            Map.entry(0x2212, "-"), // minus sign
            Map.entry(0x2026, "..."), // horizontal ellipsis
            Map.entry(0x2018, "'"),
            Map.entry(0x2019, "'"),
            Map.entry(0x201C, "\""),
            Map.entry(0x201D, "\""),
            Map.entry(0x201A, "'"), // single low-9 quotation mark
            Map.entry(0x201E, "\""), // double low-9 quotation mark
            Map.entry(0x180E, ""),
            Map.entry(0x200B, ""),
            Map.entry(0x200C, ""),
            Map.entry(0x200D, ""),
            Map.entry(0x2060, ""),
            Map.entry(0xFEFF, ""),
            Map.entry(0x2028, ""),
            Map.entry(0x2029, ""),
            Map.entry(0x00A0, " "),
            Map.entry(0x202F, " "),
            Map.entry((int) '\t', " "),
            Map.entry(0x0141, "L"),
            Map.entry(0x0142, "l"));

    private SmsSanitiser() {
    }

    static String sanitise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (SmsCharacters.isAllowed(c)) {
                out.appendCodePoint(c);
            } else {
                String downgraded = downgrade(c);
                out.append(downgraded == null ? "?" : downgraded);
            }
        });
        return out.toString();
    }

    /** A sendable stand-in for the character, or null if there is none. */
    static String downgrade(int c) {
        String character = new String(Character.toChars(c));
        String decomposed = Normalizer.normalize(character, Normalizer.Form.NFD);
        if (!decomposed.equals(character)) {
            int base = directDecompositionBase(character, decomposed);
            return SmsCharacters.isAllowed(base) ? new String(Character.toChars(base)) : null;
        }
        return REPLACEMENTS.get(c);
    }

    /**
     * The first character of the character's own (one-level) canonical decomposition, which is what Notify
     * keeps: for ǖ that is ü, not the u that full decomposition ends at.
     */
    private static int directDecompositionBase(String character, String decomposed) {
        String composed = Normalizer.normalize(character, Normalizer.Form.NFC);
        if (!composed.equals(character) && composed.codePointCount(0, composed.length()) == 1) {
            // a singleton decomposition such as the angstrom sign, which maps straight to Å
            return composed.codePointAt(0);
        }
        int lastMark = decomposed.offsetByCodePoints(decomposed.length(), -1);
        String withoutLastMark = Normalizer.normalize(decomposed.substring(0, lastMark), Normalizer.Form.NFC);
        return withoutLastMark.isEmpty() ? decomposed.codePointAt(0) : withoutLastMark.codePointAt(0);
    }
}
