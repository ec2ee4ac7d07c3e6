package org.notifyhub.templates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The finishing touches Notify gives email and letter text: tidy punctuation, curly quotes, en dashes. */
final class Typography {

    private static final Pattern EMAIL_ADDRESS_ISH =
            Pattern.compile("(^|\\s)\\S+@\\S+(\\s|$)", Pattern.MULTILINE | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACED_HYPHEN =
            Pattern.compile("(?<!\\s)\\s+[-\u2013\u2014]{1,3}\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern GOV_UK = Pattern.compile("(^|\\s)(#|\\*|\\^)?(GOV)\\.(UK)(?!/|\\?|#)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private Typography() {
    }

    static String nice(String text) {
        String t = Whitespace.removeBeforePunctuation(text);
        t = SmartQuotes.apply(t);
        t = straightenQuotesInEmailAddresses(t);
        return SPACED_HYPHEN.matcher(t).replaceAll(" \u2013 ");
    }

    /** A zero-width space after the dot stops mail clients turning a bare "GOV.UK" into a link. */
    static String unlinkGovUk(String text) {
        return GOV_UK.matcher(text).replaceAll("$1$2$3.\u200b$4");
    }

    private static String straightenQuotesInEmailAddresses(String text) {
        Matcher m = EMAIL_ADDRESS_ISH.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace('\u2018', '\'').replace('\u2019', '\'')));
        }
        return m.appendTail(out).toString();
    }
}
