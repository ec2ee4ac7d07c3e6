package org.notifyhub.admin.templates;

import java.util.regex.Pattern;

/**
 * How long Notify measures an SMS template to be when it is saved: placeholders count as empty, whitespace is
 * tidied, and the service-name prefix is not counted. Notify refuses to save one over {@link #LIMIT} characters.
 */
final class SmsTemplateLength {

    /** SMS_CHAR_COUNT_LIMIT: six 153-character fragments. */
    static final int LIMIT = 918;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]+)\\)\\)");
    // Stands in for each placeholder while whitespace is tidied, so the space before one is still counted.
    private static final String BLANK = "\uE002";

    private SmsTemplateLength() {
    }

    static int of(String content) {
        String blanked = PLACEHOLDER.matcher(content).replaceAll(BLANK);
        String tidied = blanked.replaceAll("[ \\t\\u00A0]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        return tidied.replace(BLANK, "").length();
    }

    static boolean isTooLong(String content) {
        return of(content) > LIMIT;
    }
}
