package org.notifyhub.broadcasts;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import org.notifyhub.templates.SmsCharacters;

/**
 * A broadcast's text limits, as Notify's BroadcastMessageTemplate: 1,395 GSM 7-bit characters (the extension
 * table's counting twice), or 615 when a Welsh letter outside GSM makes it UCS-2. The same letters make the
 * networks announce it in Welsh.
 */
public final class BroadcastContent {

    public static final int MAX_GSM = 1_395;
    public static final int MAX_UCS2 = 615;

    private BroadcastContent() {
    }

    /** The refusal for a text too long ({@code subject} names it, e.g. "description"), or empty. */
    public static Optional<String> tooLong(String subject, String content) {
        String text = content.strip();
        boolean ucs2 = isWelsh(text);
        int count = ucs2 ? text.length() : text.length() + SmsCharacters.countExtension(text);
        int max = ucs2 ? MAX_UCS2 : MAX_GSM;
        if (count <= max) {
            return Optional.empty();
        }
        return Optional.of(subject + " must be " + NumberFormat.getIntegerInstance(Locale.UK).format(max)
                + " characters or fewer" + (ucs2 ? " (because it could not be GSM7 encoded)" : ""));
    }

    public static boolean isWelsh(String content) {
        return SmsCharacters.needsUnicode(content);
    }
}
