package org.notifyhub.letters.collation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.notifyhub.letters.LetterPdfNames;

/**
 * Names of the zips sent to DVLA (§6.3):
 * {@code NOTIFY.{YYYY-MM-DD}.{postage code}.{NNN}.{hash}.{service_id}.{organisation_id}.ZIP}. The hash of the zip's
 * S3 keys means a partial re-run never overwrites a zip of different content under the same name.
 */
public final class ZipNames {

    /** Written where a service belongs to no organisation: what Notify's Python wrote for a missing id. */
    static final String NO_ORGANISATION = "None";
    private static final int HASH_LENGTH = 20;

    private ZipNames() {
    }

    /** {@code number} counts the zips of one postage class in a run, from 1. */
    public static String zipName(LocalDate printDate, String postage, int number, List<LetterPdf> group) {
        LetterPdf first = group.get(0);
        UUID organisation = first.organisationId();
        return "NOTIFY.%s.%s.%03d.%s.%s.%s.ZIP".formatted(printDate, LetterPdfNames.postageClass(postage), number,
                hash(group.stream().map(LetterPdf::key).toList()), first.serviceId(),
                organisation == null ? NO_ORGANISATION : organisation);
    }

    /** The first 20 characters of the URL-safe base64 SHA-512 of the keys, concatenated in zip order. */
    public static String hash(List<String> keys) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            keys.forEach(key -> sha512.update(key.getBytes(StandardCharsets.UTF_8)));
            return Base64.getUrlEncoder().encodeToString(sha512.digest()).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every Java runtime", e);
        }
    }

    /** Where the record of a zip sent is kept in the letters-pdf bucket. */
    public static String zipsSentKey(PrintRun run, String zipName) {
        return run.zipsSentPrefix() + zipName + ".TXT";
    }
}
