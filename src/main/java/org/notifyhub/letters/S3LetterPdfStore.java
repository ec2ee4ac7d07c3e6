package org.notifyhub.letters;

import java.util.Optional;
import org.notifyhub.notifications.LetterPdfStore;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.services.ApiKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Letter PDFs in S3, found by prefix (§6.2): the invalid bucket for letters that failed validation, the test bucket
 * (no folder) for test keys, else the PDF bucket under the print-date folder.
 */
@Component
public class S3LetterPdfStore implements LetterPdfStore {

    private final S3Client s3;
    private final String pdfBucket;
    private final String testBucket;
    private final String invalidBucket;

    public S3LetterPdfStore(S3Client s3, @Value("${notify.buckets.letters-pdf}") String pdfBucket,
                            @Value("${notify.buckets.test-letters}") String testBucket,
                            @Value("${notify.buckets.letters-invalid-pdf}") String invalidBucket) {
        this.s3 = s3;
        this.pdfBucket = pdfBucket;
        this.testBucket = testBucket;
        this.invalidBucket = invalidBucket;
    }

    @Override
    public Optional<byte[]> find(NotificationRow letter) {
        String bucket;
        String prefix;
        if (letter.status() == NotificationStatus.VALIDATION_FAILED) {
            bucket = invalidBucket;
            prefix = LetterPdfNames.prefix("", letter.reference());
        } else if (ApiKey.TEST.equals(letter.keyType())) {
            bucket = testBucket;
            prefix = LetterPdfNames.prefix("", letter.reference());
        } else {
            bucket = pdfBucket;
            prefix = LetterPdfNames.prefix(LetterPdfNames.folder(letter.createdAt()), letter.reference());
        }
        return firstKey(bucket, prefix).map(key ->
                s3.getObject(request -> request.bucket(bucket).key(key), ResponseTransformer.toBytes()).asByteArray());
    }

    private Optional<String> firstKey(String bucket, String prefix) {
        try {
            return s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix).maxKeys(1)).contents().stream()
                    .map(S3Object::key)
                    .findFirst();
        } catch (NoSuchBucketException e) {
            return Optional.empty();
        }
    }
}
