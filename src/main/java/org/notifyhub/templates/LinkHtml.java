package org.notifyhub.templates;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Builds {@code <a>} tags the way Notify does, percent-encoding the address so it cannot break out of href. */
final class LinkHtml {

    private static final List<String> RECOGNISED_SCHEMES = List.of("ftp:", "file:", "http:", "https:", "mailto:", "tel:");
    private static final String SAFE = "_.-~:/?#=&;%";

    private LinkHtml() {
    }

    static String anchor(String url, String title, String text, String style) {
        String linkText = text == null || text.isEmpty() ? url : text;
        String href = hasRecognisedScheme(url) ? url : "http://" + url;
        String titleAttribute = title == null || title.isEmpty()
                ? ""
                // Notify leaves titles unescaped; escaping the quote stops a title closing the attribute
                : " title=\"" + title.replace("\"", "&quot;") + "\"";
        return "<a style=\"" + style + "\" href=\"" + percentEncode(href) + "\"" + titleAttribute + ">" + linkText + "</a>";
    }

    private static boolean hasRecognisedScheme(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return RECOGNISED_SCHEMES.stream().anyMatch(lower::startsWith);
    }

    /** Python's {@code urllib.parse.quote(url, safe=":/?#=&;%")}. */
    static String percentEncode(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SAFE.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
