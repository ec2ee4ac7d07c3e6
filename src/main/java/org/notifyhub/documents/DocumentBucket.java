package org.notifyhub.documents;

import java.util.Map;
import java.util.Optional;
import org.notifyhub.common.ObjectStorage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The bucket of sent files ({@code notify.documents.bucket}): sealed bytes only, created when first written. */
@Component
public class DocumentBucket {

    private static final String SEALED = "application/octet-stream";

    private final ObjectStorage storage;
    private final S3Client s3;
    private final String bucket;

    public DocumentBucket(ObjectStorage storage, S3Client s3, @Value("${notify.documents.bucket}") String bucket) {
        this.storage = storage;
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String name() {
        return bucket;
    }

    public void put(String key, byte[] sealed) {
        storage.put(bucket, key, sealed, SEALED, Map.of());
    }

    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toBytes()).asByteArray());
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        }
    }

    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }
}
