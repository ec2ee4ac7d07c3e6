package org.notifyhub.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 read strictly: a byte that is not UTF-8 is an error, never a silent U+FFFD. */
public final class StrictUtf8 {

    /**
     * Set on a file upload's request by the edge's body filter, "true" or "false" (whatever the client sent): the HTTP
     * binding hands the body on through a lenient reader, so only there is it known whether the bytes were UTF-8.
     */
    public static final String BODY_IS_UTF8_HEADER = "Notify-Body-Is-Utf8";

    private StrictUtf8() {
    }

    /** A new decoder (decoders are not thread-safe) that reports malformed and unmappable input. */
    public static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    public static String decode(byte[] bytes) throws CharacterCodingException {
        return decoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    public static boolean isValid(byte[] bytes) {
        try {
            decode(bytes);
            return true;
        } catch (CharacterCodingException notText) {
            return false;
        }
    }
}
