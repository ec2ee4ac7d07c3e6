package org.notifyhub.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whitespace handling as Notify's Python code does it: Python's idea of whitespace ({@code str.isspace})
 * is wider than Java's, and the SMS, subject and markdown rules depend on it.
 */
final class Whitespace {

    /** Zero-width characters Notify deletes outright. */
    static final String ZERO_WIDTH = "\u180e\u200b\u200c\u200d\u2060\ufeff\u2028\u2029";
    /** Visible no-break spaces Notify turns into ordinary spaces. */
    static final String NO_BREAK_SPACES = "\u00a0\u202f";

    private static final Pattern MORE_THAN_TWO_NEWLINES = Pattern.compile("\n{3,}");

    private Whitespace() {
    }

    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || c == '\u0085' || c == '\u00a0' || c == '\u2007' || c == '\u202f';
    }

    static String strip(String s) {
        return rstrip(lstrip(s));
    }

    static String lstrip(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Strips only ASCII whitespace, as Python's {@code strip(string.whitespace)}. */
    static String stripAscii(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && " \t\n\r\u000b\f".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\n\r\u000b\f".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isBlank(String s) {
        return strip(s).isEmpty();
    }

    static String removeChars(String s, String chars) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (chars.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Zero-width characters gone, no-break spaces made plain, runs of whitespace one space, ends trimmed. */
    static String normalise(String s) {
        String value = removeChars(s, ZERO_WIDTH);
        for (int i = 0; i < NO_BREAK_SPACES.length(); i++) {
            value = value.replace(NO_BREAK_SPACES.charAt(i), ' ');
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@link #normalise} applied to each line; line breaks of every kind become {@code \n}. */
    static String normaliseEachLine(String s) {
        List<String> lines = splitLines(s);
        List<String> normalised = new ArrayList<>(lines.size());
        for (String line : lines) {
            normalised.add(normalise(line));
        }
        return String.join("\n", normalised);
    }

    /** Python's {@code str.splitlines()}: every Unicode line boundary, no trailing empty line. */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isLineBoundary(c)) {
                lines.add(s.substring(start, i));
                i += (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static boolean isLineBoundary(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u001c' || c == '\u001d'
                || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    static String collapseMultipleNewlines(String s) {
        return MORE_THAN_TWO_NEWLINES.matcher(s).replaceAll("\n\n");
    }

    /** Spaces or tabs before a comma or full stop go. */
    static String removeBeforePunctuation(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') {
                out.append(c);
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < s.length() && (s.charAt(runEnd) == ' ' || s.charAt(runEnd) == '\t')) {
                runEnd++;
            }
            boolean beforePunctuation = runEnd < s.length() && (s.charAt(runEnd) == ',' || s.charAt(runEnd) == '.');
            if (!beforePunctuation) {
                out.append(s, i, runEnd);
            }
            i = runEnd;
        }
        return out.toString();
    }
}
