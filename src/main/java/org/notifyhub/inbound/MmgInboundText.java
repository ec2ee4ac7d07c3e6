package org.notifyhub.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MMG sends inbound text form-encoded inside JSON ({@code some+uri+encoded+message%3A}), with backslash escapes
 * such as {@code \n} or {@code \u00e9} left in. Decoded as Notify does: {@code +} is a space, {@code %XX} are UTF-8
 * bytes (a malformed escape stays as it is), then the escapes are read.
 */
final class MmgInboundText {

    private MmgInboundText() {
    }

    static String decode(String raw) {
        return unescape(percentDecode(raw.replace('+', ' ')));
    }

    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                bytes.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                bytes.write(in[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Python's unicode_escape: \n \t \r \\ \' \" \xXX \\uXXXX \UXXXXXXXX; any other backslash stays. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(i + 1);
            int width = switch (next) {
                case 'x' -> 2;
                case 'u' -> 4;
                case 'U' -> 8;
                default -> 0;
            };
            String simple = switch (next) {
                case 'n' -> "\n";
                case 't' -> "\t";
                case 'r' -> "\r";
                case '\\' -> "\\";
                case '\'' -> "'";
                case '"' -> "\"";
                default -> null;
            };
            if (simple != null) {
                out.append(simple);
                i++;
            } else if (width > 0 && isHex(text, i + 2, width)) {
                out.appendCodePoint(Integer.parseInt(text.substring(i + 2, i + 2 + width), 16));
                i += 1 + width;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int width) {
        if (from + width > text.length()) {
            return false;
        }
        for (int i = from; i < from + width; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
