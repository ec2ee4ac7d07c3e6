package org.notifyhub.templates;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notifyhub.common.Whitespace;

/**
 * Curly quotes for straight ones, following the SmartyPants rules Notify applies to emails and letters. Works on
 * HTML: tags are left alone, and so is the text of links and code.
 */
final class SmartQuotes {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern TAG_OR_TEXT = Pattern.compile("([^<]*)(<!--.*?--\\s*>|<[^>]*>)", Pattern.DOTALL);
    private static final Pattern SKIPPED_TAG =
            Pattern.compile("<(/)?(pre|samp|code|tt|kbd|script|style|math|a)[^>]*>", Pattern.CASE_INSENSITIVE);

    private static final String PUNCTUATION = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
    private static final String CLOSE_CLASS = "[^ \\t\\r\\n\\[{(\\-]";
    private static final String OPENING_CONTEXT = "(\\s|&nbsp;|--|&[mn]dash;|&#8211;|&#8212;|&#x201[34];)";

    // SmartyPants means "a quote then punctuation at a non-word-break", but its pattern asks for a literal
    // backslash and B after the punctuation; Notify's output follows the pattern, so this does too.
    private static final Pattern SINGLE_BEFORE_PUNCTUATION =
            Pattern.compile("^'(?=" + PUNCTUATION + "\\\\B)", FLAGS);
    private static final Pattern DOUBLE_BEFORE_PUNCTUATION =
            Pattern.compile("^\"(?=" + PUNCTUATION + "\\\\B)", FLAGS);
    private static final Pattern DOUBLE_THEN_SINGLE = Pattern.compile("\"'(?=\\w)", FLAGS);
    private static final Pattern SINGLE_THEN_DOUBLE = Pattern.compile("'\"(?=\\w)", FLAGS);
    private static final Pattern DECADE = Pattern.compile("\\b'(?=\\d{2}s)", FLAGS);
    private static final Pattern OPENING_SINGLE = Pattern.compile(OPENING_CONTEXT + "'(?=\\w)", FLAGS);
    private static final Pattern CLOSING_SINGLE = Pattern.compile("(" + CLOSE_CLASS + ")'(?!\\s|s\\b|\\d)", FLAGS);
    private static final Pattern CLOSING_SINGLE_BEFORE_SPACE_OR_S =
            Pattern.compile("(" + CLOSE_CLASS + ")'(\\s|s\\b)", FLAGS);
    private static final Pattern OPENING_DOUBLE = Pattern.compile(OPENING_CONTEXT + "\"(?=\\w)", FLAGS);
    private static final Pattern CLOSING_DOUBLE_BEFORE_SPACE = Pattern.compile("\"(?=\\s)", FLAGS);
    private static final Pattern CLOSING_DOUBLE = Pattern.compile("(" + CLOSE_CLASS + ")\"", FLAGS);

    private static final String OPEN_SINGLE = "&#8216;";
    private static final String CLOSE_SINGLE = "&#8217;";
    private static final String OPEN_DOUBLE = "&#8220;";
    private static final String CLOSE_DOUBLE = "&#8221;";

    private SmartQuotes() {
    }

    static String apply(String html) {
        StringBuilder out = new StringBuilder(html.length());
        Deque<String> skipped = new ArrayDeque<>();
        String previousLastChar = "";
        Matcher m = TAG_OR_TEXT.matcher(html);
        int position = 0;
        while (position < html.length() && m.region(position, html.length()).lookingAt()) {
            if (!m.group(1).isEmpty()) {
                previousLastChar = appendText(out, m.group(1), previousLastChar, !skipped.isEmpty());
            }
            String tag = m.group(2);
            if (isCommentHidingText(tag)) {
                previousLastChar = appendText(out, tag, previousLastChar, !skipped.isEmpty());
            } else {
                out.append(tag);
                trackSkippedTags(tag, skipped);
            }
            position = m.end();
        }
        if (position < html.length()) {
            appendText(out, html.substring(position), previousLastChar, !skipped.isEmpty());
        }
        return out.toString();
    }

    private static boolean isCommentHidingText(String tag) {
        if (!tag.startsWith("<!--")) {
            return false;
        }
        String inner = Whitespace.rstrip(tag.substring(4).replaceAll(">+$", "")).replaceAll("-+$", "");
        return inner.contains("--");
    }

    private static void trackSkippedTags(String tag, Deque<String> skipped) {
        Matcher skip = SKIPPED_TAG.matcher(tag);
        if (!skip.lookingAt()) {
            return;
        }
        String name = skip.group(2).toLowerCase(Locale.ROOT);
        if (skip.group(1) == null) {
            skipped.push(name);
        } else if (!skipped.isEmpty() && skipped.peek().equals(name)) {
            skipped.pop();
        }
    }

    private static String appendText(StringBuilder out, String text, String previousLastChar, boolean skipping) {
        String lastChar = text.substring(text.length() - 1);
        out.append(skipping ? text : educate(text, previousLastChar));
        return lastChar;
    }

    private static String educate(String text, String previousLastChar) {
        String t = text.indexOf('\\') < 0 ? text : backslashEscapes(text);
        boolean afterNonSpace = !previousLastChar.isEmpty() && !Whitespace.isSpace(previousLastChar.charAt(0));
        if (t.equals("'")) {
            t = afterNonSpace ? CLOSE_SINGLE : OPEN_SINGLE;
        } else if (t.equals("\"")) {
            t = afterNonSpace ? CLOSE_DOUBLE : OPEN_DOUBLE;
        } else if (t.indexOf('\'') >= 0 || t.indexOf('"') >= 0) {
            t = quotes(t);
        }
        if (t.indexOf('&') < 0) {
            return t;
        }
        return t.replace("&#8211;", "\u2013").replace("&#8212;", "\u2014")
                .replace(OPEN_SINGLE, "\u2018").replace(CLOSE_SINGLE, "\u2019")
                .replace(OPEN_DOUBLE, "\u201c").replace(CLOSE_DOUBLE, "\u201d")
                .replace("&#8230;", "\u2026");
    }

    // A backslash keeps the next character straight: it becomes a numeric reference the quote rules skip.
    private static String backslashEscapes(String t) {
        return t.replace("\\\\", "&#92;").replace("\\\"", "&#34;").replace("\\'", "&#39;")
                .replace("\\.", "&#46;").replace("\\-", "&#45;").replace("\\`", "&#96;");
    }

    private static String quotes(String text) {
        String t = SINGLE_BEFORE_PUNCTUATION.matcher(text).replaceAll(CLOSE_SINGLE);
        t = DOUBLE_BEFORE_PUNCTUATION.matcher(t).replaceAll(CLOSE_DOUBLE);
        t = DOUBLE_THEN_SINGLE.matcher(t).replaceAll(OPEN_DOUBLE + OPEN_SINGLE);
        t = SINGLE_THEN_DOUBLE.matcher(t).replaceAll(OPEN_SINGLE + OPEN_DOUBLE);
        t = DECADE.matcher(t).replaceAll(CLOSE_SINGLE);
        t = OPENING_SINGLE.matcher(t).replaceAll("$1" + OPEN_SINGLE);
        t = CLOSING_SINGLE.matcher(t).replaceAll("$1" + CLOSE_SINGLE);
        t = CLOSING_SINGLE_BEFORE_SPACE_OR_S.matcher(t).replaceAll("$1" + CLOSE_SINGLE + "$2");
        t = t.replace("'", OPEN_SINGLE);
        t = OPENING_DOUBLE.matcher(t).replaceAll("$1" + OPEN_DOUBLE);
        t = CLOSING_DOUBLE_BEFORE_SPACE.matcher(t).replaceAll(CLOSE_DOUBLE);
        t = CLOSING_DOUBLE.matcher(t).replaceAll("$1" + CLOSE_DOUBLE);
        return t.replace("\"", OPEN_DOUBLE);
    }
}
