package org.notifyhub.common;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Puts files in S3 buckets, encrypted at rest as Notify's are, creating a missing bucket on the local default. */
@Component
public class ObjectStorage {

    private final S3Client s3;
    private final boolean encrypt;

    public ObjectStorage(S3Client s3, @Value("${notify.s3.server-side-encryption:true}") boolean encrypt) {
        this.s3 = s3;
        this.encrypt = encrypt;
    }

    public void put(String bucket, String key, byte[] content, String contentType, Map<String, String> metadata) {
        try {
            putObject(bucket, key, content, contentType, metadata);
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(request -> request.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException alreadyCreated) {
                // another worker created it at the same moment
            }
            putObject(bucket, key, content, contentType, metadata);
        }
    }

    private void putObject(String bucket, String key, byte[] content, String contentType, Map<String, String> metadata) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).metadata(metadata)
                .serverSideEncryption(encrypt ? ServerSideEncryption.AES256 : null), RequestBody.fromBytes(content));
    }
}
