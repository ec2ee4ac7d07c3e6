package org.notifyhub.letters;

import java.util.List;
import org.notifyhub.notifications.NotificationRow;
import org.springframework.stereotype.Component;

/**
 * Letter PDFs in S3, found by prefix (§6.2): the invalid bucket for letters that failed validation, the test bucket
 * (no folder) for test keys, else the PDF bucket under the print-date folder.
 */
@Component
public class S3LetterPdfStore implements LetterPdfStore {

    private final LetterObjects objects;
    private final LetterBuckets buckets;

    public S3LetterPdfStore(LetterObjects objects, LetterBuckets buckets) {
        this.objects = objects;
        this.buckets = buckets;
    }

    @Override
    public byte[] get(NotificationRow letter) {
        LetterBuckets.Location where = buckets.lookup(letter);
        String key = objects.firstKey(where.bucket(), where.key()).orElseThrow(() -> new LetterPdfNotFoundException(
                "No PDF for letter " + letter.id() + " under " + where.bucket() + "/" + where.key()));
        return objects.read(where.bucket(), key);
    }

    @Override
    public int delete(NotificationRow letter) {
        int deleted = 0;
        for (LetterBuckets.Location where : List.of(buckets.lookup(letter), buckets.scanned(letter))) {
            for (String key : objects.keys(where.bucket(), where.key())) {
                objects.delete(where.bucket(), key);
                deleted++;
            }
        }
        return deleted;
    }
}
