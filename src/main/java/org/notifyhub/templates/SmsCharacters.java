package org.notifyhub.templates;

/** The character sets that decide how an SMS is encoded and counted. */
public final class SmsCharacters {

    /** GSM 03.38 extension table: each costs two characters of a GSM message. */
    static final String EXTENSION = "^{}\\[~]|€";

    /** GSM 03.38 basic table, plus the extension table. */
    static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà" + EXTENSION;

    /** Welsh letters with diacritics; Notify keeps these rather than downgrading them. */
    static final String WELSH_DIACRITICS = "àèìòùẁỳÀÈÌÒÙẀỲáéíóúẃýÁÉÍÓÚẂÝäëïöüẅÿÄËÏÖÜẄŸâêîôûŵŷÂÊÎÔÛŴŶ";

    /** The 43 Welsh letters outside GSM: any one of them makes the whole message UCS-2. */
    static final String WELSH_NON_GSM = "ÀÁÂÈÊËÌÍÎÏÒÓÔÙÚÛÝáâêëíîïóôúûýÿŴŵŶŷŸẀẁẂẃẄẅỲỳ";

    private SmsCharacters() {
    }

    static boolean isAllowed(int c) {
        return c <= 0xFFFF && (GSM.indexOf(c) >= 0 || WELSH_DIACRITICS.indexOf(c) >= 0);
    }

    static boolean isExtension(int c) {
        return EXTENSION.indexOf(c) >= 0;
    }

    public static boolean needsUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (WELSH_NON_GSM.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    public static int countExtension(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isExtension(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
