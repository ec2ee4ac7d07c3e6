package org.notifyhub.notifications;

import java.security.SecureRandom;

/** The 16-character [A-Z0-9] reference that names a letter's PDF and joins it to DVLA's files. */
public final class DvlaReference {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DvlaReference() {
    }

    public static String random() {
        StringBuilder reference = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
