package org.notifyhub.letters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.notifyhub.common.ObjectStorage;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Letter files in S3: found by prefix, read, written (the same bytes, wherever they go) and deleted. */
@Component
public class LetterObjects {

    private static final String PDF = "application/pdf";

    private final S3Client s3;
    private final ObjectStorage storage;

    public LetterObjects(S3Client s3, ObjectStorage storage) {
        this.s3 = s3;
        this.storage = storage;
    }

    /** The first key starting with {@code prefix}, or empty (also when the bucket does not exist yet). */
    public Optional<String> firstKey(String bucket, String prefix) {
        try {
            return s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix).maxKeys(1)).contents().stream()
                    .map(S3Object::key)
                    .findFirst();
        } catch (NoSuchBucketException e) {
            return Optional.empty();
        }
    }

    /** Every key starting with {@code prefix} (none when the bucket does not exist). */
    public List<String> keys(String bucket, String prefix) {
        try {
            return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
        } catch (NoSuchBucketException e) {
            return List.of();
        }
    }

    public byte[] read(String bucket, String key) {
        return s3.getObject(request -> request.bucket(bucket).key(key), ResponseTransformer.toBytes()).asByteArray();
    }

    public boolean exists(String bucket, String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public void putPdf(String bucket, String key, byte[] pdf, Map<String, String> metadata) {
        storage.put(bucket, key, pdf, PDF, metadata);
    }

    public void put(String bucket, String key, byte[] content, String contentType) {
        storage.put(bucket, key, content, contentType, Map.of());
    }

    public void delete(String bucket, String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }
}
