package org.notifyhub.templates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML character references, decoded the way Python's {@code html.unescape} does and escaped the way Notify
 * and its markdown library do, so rendered text matches Notify's byte for byte.
 */
final class HtmlEntities {

    private static final Pattern LENIENT_REFERENCE =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");
    private static final Pattern STRICT_REFERENCE =
            Pattern.compile("&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[^\\t\\n\\f <&#;]{1,32};)");
    private static final Pattern AMPERSAND_NOT_STARTING_REFERENCE =
            Pattern.compile("&(?!#?\\w+;)", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Map<String, String> NAMED = new HashMap<>();
    private static final Map<Integer, String> SPECIAL_NUMERIC = new HashMap<>();

    static {
        load("/templates-data/html-character-references.tsv");
    }

    private HtmlEntities() {
    }

    /** Every character reference decoded, including legacy ones missing their semicolon. */
    static String unescape(String s) {
        return s.indexOf('&') < 0 ? s : decode(s, LENIENT_REFERENCE);
    }

    /** Only references that end in a semicolon decoded. */
    static String unescapeStrict(String s) {
        return s.indexOf('&') < 0 ? s : decode(s, STRICT_REFERENCE);
    }

    /**
     * Notify's escaping of template text and personalisation: references are decoded first so nothing is
     * escaped twice, except {@code &amp;} and {@code &nbsp;} which are kept as written; quotes stay as they are.
     */
    static String escapeHtml(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String value = s.replace("&nbsp;", "\uE000nbsp\uE001").replace("&amp;", "\uE000amp\uE001");
        value = escapeAngleBracketsAndAmpersands(unescapeStrict(value));
        return value.replace("\uE000nbsp\uE001", "&nbsp;").replace("\uE000amp\uE001", "&amp;");
    }

    /** Markdown text escaping: an ampersand that already starts a reference is left alone. */
    static String escapeText(String s) {
        String value = AMPERSAND_NOT_STARTING_REFERENCE.matcher(s).replaceAll("&amp;");
        return value.replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Plain escaping of text that holds no markup or references of its own. */
    static String escapeMarkup(String s) {
        return escapeAngleBracketsAndAmpersands(s);
    }

    private static String escapeAngleBracketsAndAmpersands(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String decode(String s, Pattern reference) {
        Matcher m = reference.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replacement(String ref) {
        if (ref.charAt(0) == '#') {
            return numeric(ref);
        }
        String named = NAMED.get(ref);
        if (named != null) {
            return named;
        }
        for (int length = ref.length() - 1; length > 1; length--) {
            String prefix = NAMED.get(ref.substring(0, length));
            if (prefix != null) {
                return prefix + ref.substring(length);
            }
        }
        return "&" + ref;
    }

    private static String numeric(String ref) {
        boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
        String digits = ref.substring(hex ? 2 : 1);
        if (digits.endsWith(";")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        int codePoint = parseCodePoint(digits, hex ? 16 : 10);
        String special = SPECIAL_NUMERIC.get(codePoint);
        if (special != null) {
            return special;
        }
        if ((codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF || codePoint < 0) {
            return "\uFFFD";
        }
        if (isDiscardedCodePoint(codePoint)) {
            return "";
        }
        return new String(Character.toChars(codePoint));
    }

    private static int parseCodePoint(String digits, int radix) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        // anything longer than this is out of Unicode's range whatever its value
        if (significant.length() > 8) {
            return Integer.MAX_VALUE;
        }
        long value = Long.parseLong(significant, radix);
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    private static boolean isDiscardedCodePoint(int c) {
        return (c >= 0x1 && c <= 0x8) || c == 0xB || (c >= 0xE && c <= 0x1F) || (c >= 0x7F && c <= 0x9F)
                || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static void load(String resource) {
        try (InputStream in = HtmlEntities.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("# ")) {
                    continue;
                }
                String[] columns = line.split("\t");
                StringBuilder value = new StringBuilder();
                for (String hex : columns[1].split(" ")) {
                    value.appendCodePoint(Integer.parseInt(hex, 16));
                }
                if (columns[0].startsWith("#")) {
                    SPECIAL_NUMERIC.put(Integer.parseInt(columns[0].substring(1)), value.toString());
                } else {
                    NAMED.put(columns[0], value.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
