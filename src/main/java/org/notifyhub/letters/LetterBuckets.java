package org.notifyhub.letters;

import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a letter's PDF lives (§6.1, §6.2): the PDF bucket under its print-date folder, the test bucket (no folder)
 * for test keys, the invalid bucket once it failed validation, the scan bucket before its virus scan.
 */
@Component
public class LetterBuckets {

    /** A bucket and an object key, or the stable key prefix that finds the object whatever its suffix. */
    public record Location(String bucket, String key) {
    }

    private final String pdf;
    private final String test;
    private final String invalid;
    private final String scan;

    public LetterBuckets(@Value("${notify.buckets.letters-pdf}") String pdf,
                         @Value("${notify.buckets.test-letters}") String test,
                         @Value("${notify.buckets.letters-invalid-pdf}") String invalid,
                         @Value("${notify.buckets.letters-scan}") String scan) {
        this.pdf = pdf;
        this.test = test;
        this.invalid = invalid;
        this.scan = scan;
    }

    public String scan() {
        return scan;
    }

    /** Where a letter that may be printed is stored: collation reads the PDF bucket, nobody prints the test bucket. */
    public Location printable(NotificationRow letter, String postage) {
        boolean testKey = letter.keyType() == KeyType.TEST;
        String folder = testKey ? "" : LetterPdfNames.folder(letter.createdAt());
        return new Location(testKey ? test : pdf,
                LetterPdfNames.fileName(folder, letter.reference(), postage, letter.createdAt()));
    }

    public Location invalid(NotificationRow letter, String postage) {
        return new Location(invalid, LetterPdfNames.fileName("", letter.reference(), postage, letter.createdAt()));
    }

    /** Where to look for a letter's PDF given its status now: a key prefix, for find-by-prefix. */
    public Location lookup(NotificationRow letter) {
        if (letter.status() == NotificationStatus.VALIDATION_FAILED) {
            return new Location(invalid, LetterPdfNames.prefix("", letter.reference()));
        }
        if (letter.keyType() == KeyType.TEST) {
            return new Location(test, LetterPdfNames.prefix("", letter.reference()));
        }
        return new Location(pdf, LetterPdfNames.prefix(LetterPdfNames.folder(letter.createdAt()), letter.reference()));
    }

    /** The precompiled upload's key prefix in the scan bucket. */
    public Location scanned(NotificationRow letter) {
        return new Location(scan, LetterPdfNames.prefix("", letter.reference()));
    }
}
