package org.notifyhub.drills;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DVLA response files for the R8 drill: one well-formed line per letter ({@code REFERENCE|Sent|1|Sorted}) with one
 * defect added, each under its own name {@code NOTIFY-YYYYMMDDHHMMSS-RSP.TXT}. Every defective file still names every
 * letter as Sent, so a file applied in part would show in the database.
 */
final class ResponseFiles {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private final String minute = LocalDateTime.now(ZoneOffset.UTC).format(MINUTE);
    private int second = 10;

    /** A name no other file of this drill has. */
    String nextName() {
        return "NOTIFY-" + minute + (second++) + "-RSP.TXT";
    }

    /** The malformed kinds by what is wrong, each a whole file's bytes. */
    static Map<String, byte[]> malformed(List<String> references) {
        String good = lines(references);
        String one = references.get(0);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bad UTF-8 bytes", concat(good, new byte[] {'Z', (byte) 0xC3, (byte) 0x28, '|'}, "Sent|1|Sorted\n"));
        files.put("a line with 3 fields", utf8(good + one + "|Sent|1\n"));
        files.put("a line with 5 fields", utf8(good + one + "|Sent|1|Sorted|extra\n"));
        files.put("control characters", utf8(good + one + "\u0007|Sent|1|Sorted\n"));
        files.put("empty file", new byte[0]);
        files.put("Latin-1 text", (good + one + "|Envoyé|1|Sorted\n").getBytes(StandardCharsets.ISO_8859_1));
        files.put("a page count that is no number", utf8(good + one + "|Sent|one|Sorted\n"));
        files.put("an unknown cost threshold", utf8(good + one + "|Sent|1|Sortedish\n"));
        return files;
    }

    /** A well-formed file: these references Sent, page count 1, Sorted. */
    static String lines(List<String> references) {
        StringBuilder text = new StringBuilder();
        references.forEach(reference -> text.append(reference).append("|Sent|1|Sorted\n"));
        return text.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(head));
        bytes.writeBytes(middle);
        bytes.writeBytes(utf8(tail));
        return bytes.toByteArray();
    }
}
