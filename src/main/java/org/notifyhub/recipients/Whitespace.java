package org.notifyhub.recipients;

import java.util.regex.Pattern;

/** Whitespace handling shared by the recipient parsers, matching notifications-utils' formatters. */
final class Whitespace {

    /** Characters people paste in from Word or web pages; invisible, so never meaningful. */
    static final String OBSCURE_ZERO_WIDTH = "\u180E\u200B\u200C\u200D\u2060\uFEFF";
    static final String NON_BREAKING_SPACE = "\u00A0";
    /** Python's {@code string.whitespace}: Notify strips only these from the ends of recipients. */
    static final String ASCII_WHITESPACE = " \t\n\r\u000B\f";
    static final String ALL = ASCII_WHITESPACE + OBSCURE_ZERO_WIDTH + NON_BREAKING_SPACE;

    /** Python's str.splitlines() boundaries, which is how Notify splits an address into lines. */
    private static final Pattern LINE_BREAK =
            Pattern.compile("\r\n|[\n\r\u000B\f\u001C\u001D\u001E\u0085\u2028\u2029]");

    private Whitespace() {
    }

    /** Removes invisible characters anywhere and ASCII whitespace at either end. */
    static String stripAndRemoveObscure(String value) {
        return strip(removeChars(value, OBSCURE_ZERO_WIDTH + NON_BREAKING_SPACE), ASCII_WHITESPACE);
    }

    /** Removes every whitespace character, visible or not. */
    static String removeAll(String value) {
        return removeChars(value, ALL);
    }

    /** Trims a line and collapses inner runs of whitespace to one space; zero-width characters vanish. */
    static String normaliseLine(String value) {
        String withoutObscure = removeChars(value.replace(NON_BREAKING_SPACE, " "), OBSCURE_ZERO_WIDTH);
        StringBuilder out = new StringBuilder(withoutObscure.length());
        boolean pendingSpace = false;
        for (int i = 0; i < withoutObscure.length(); i++) {
            char c = withoutObscure.charAt(i);
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

    static String[] splitLines(String value) {
        return LINE_BREAK.split(value, -1);
    }

    /** Python's str.isspace(), which decides what str.split() splits on. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    static String strip(String value, String chars) {
        int start = 0;
        int end = value.length();
        while (start < end && chars.indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }

    static String stripEnd(String value, String chars) {
        int end = value.length();
        while (end > 0 && chars.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(0, end);
    }

    private static String removeChars(String value, String chars) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (chars.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
