package org.notifyhub.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whitespace as Notify's Python code sees it, for recipients and templates alike: Python's idea of a space
 * ({@code str.isspace}) is wider than Java's, and Notify removes some invisible characters outright.
 */
public final class Whitespace {

    /** Python's {@code string.whitespace}. */
    public static final String ASCII = " \t\n\r\u000B\f";
    /** Characters people paste in from Word or web pages; invisible, so never meaningful. */
    public static final String ZERO_WIDTH = "\u180E\u200B\u200C\u200D\u2060\uFEFF";
    /** Line and paragraph separators, which template text drops along with the zero-width characters. */
    public static final String UNICODE_SEPARATORS = "\u2028\u2029";
    public static final String NO_BREAK_SPACE = "\u00A0";
    /** Visible no-break spaces that template text turns into ordinary spaces. */
    public static final String NO_BREAK_SPACES = "\u00A0\u202F";
    /** Every character a recipient may carry as whitespace. */
    public static final String RECIPIENT = ASCII + ZERO_WIDTH + NO_BREAK_SPACE;

    private static final Pattern MORE_THAN_TWO_NEWLINES = Pattern.compile("\n{3,}");

    private Whitespace() {
    }

    /** Python's {@code str.isspace()}, which decides what {@code str.split()} and {@code str.strip()} remove. */
    public static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    public static boolean isBlank(String s) {
        return strip(s).isEmpty();
    }

    /** Python's {@code str.strip()}. */
    public static String strip(String s) {
        return rstrip(lstrip(s));
    }

    public static String lstrip(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    public static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Python's {@code str.strip(chars)}. */
    public static String strip(String s, String chars) {
        int start = 0;
        while (start < s.length() && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return rstrip(s.substring(start), chars);
    }

    /** Python's {@code str.rstrip(chars)}. */
    public static String rstrip(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    public static String removeChars(String s, String chars) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (chars.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Invisible characters and no-break spaces removed anywhere, ASCII whitespace at either end (recipients). */
    public static String stripAndRemoveObscure(String s) {
        return strip(removeChars(s, ZERO_WIDTH + NO_BREAK_SPACE), ASCII);
    }

    /**
     * Zero-width characters and Unicode separators gone, runs of whitespace (no-break spaces included) one space,
     * ends trimmed.
     */
    public static String normalise(String s) {
        String value = removeChars(s, ZERO_WIDTH + UNICODE_SEPARATORS);
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
    public static String normaliseEachLine(String s) {
        List<String> lines = splitLines(s);
        List<String> normalised = new ArrayList<>(lines.size());
        for (String line : lines) {
            normalised.add(normalise(line));
        }
        return String.join("\n", normalised);
    }

    /** Python's {@code str.splitlines()}: every Unicode line boundary, no trailing empty line. */
    public static List<String> splitLines(String s) {
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

    public static String collapseMultipleNewlines(String s) {
        return MORE_THAN_TWO_NEWLINES.matcher(s).replaceAll("\n\n");
    }

    /** Spaces or tabs before a comma or full stop go. */
    public static String removeBeforePunctuation(String s) {
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
