package org.notifyhub.templates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notifyhub.common.Whitespace;

/** The finishing touches Notify gives email and letter text: tidy punctuation, curly quotes, en dashes. */
final class Typography {

    private static final Pattern EMAIL_ADDRESS_ISH =
            Pattern.compile("(^|\\s)\\S+@\\S+(\\s|$)", Pattern.MULTILINE | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern GOV_UK = Pattern.compile("(^|\\s)(#|\\*|\\^)?(GOV)\\.(UK)(?!/|\\?|#)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private Typography() {
    }

    static String nice(String text) {
        String t = Whitespace.removeBeforePunctuation(text);
        t = SmartQuotes.apply(t);
        t = straightenQuotesInEmailAddresses(t);
        return enDashesForSpacedHyphens(t);
    }

    /** One to three hyphens or dashes with whitespace either side become a spaced en dash. */
    private static String enDashesForSpacedHyphens(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!Whitespace.isSpace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int dashes = i;
            while (dashes < text.length() && Whitespace.isSpace(text.charAt(dashes))) {
                dashes++;
            }
            int after = dashes;
            while (after < text.length() && after - dashes < 4 && "-\u2013\u2014".indexOf(text.charAt(after)) >= 0) {
                after++;
            }
            int dashCount = after - dashes;
            if (dashCount >= 1 && dashCount <= 3 && after < text.length() && Whitespace.isSpace(text.charAt(after))) {
                while (after < text.length() && Whitespace.isSpace(text.charAt(after))) {
                    after++;
                }
                out.append(" \u2013 ");
                i = after;
            } else {
                out.append(text, i, dashes);
                i = dashes;
            }
        }
        return out.toString();
    }

    /** A zero-width space after the dot stops mail clients turning a bare "GOV.UK" into a link. */
    static String unlinkGovUk(String text) {
        return GOV_UK.matcher(text).replaceAll("$1$2$3.\u200b$4");
    }

    private static String straightenQuotesInEmailAddresses(String text) {
        if (text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = EMAIL_ADDRESS_ISH.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace('\u2018', '\'').replace('\u2019', '\'')));
        }
        return m.appendTail(out).toString();
    }
}
