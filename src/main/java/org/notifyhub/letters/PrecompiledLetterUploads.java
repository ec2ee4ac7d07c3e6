package org.notifyhub.letters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Puts an uploaded precompiled PDF in the scan bucket (encrypted at rest, as Notify's are), to wait for its virus scan. */
@Component
public class PrecompiledLetterUploads {

    private final S3Client s3;
    private final String scanBucket;
    private final boolean encrypt;

    public PrecompiledLetterUploads(S3Client s3, @Value("${notify.buckets.letters-scan}") String scanBucket,
                                    @Value("${notify.s3.server-side-encryption:true}") boolean encrypt) {
        this.s3 = s3;
        this.scanBucket = scanBucket;
        this.encrypt = encrypt;
    }

    public void toScanBucket(String fileName, byte[] pdf) {
        try {
            put(fileName, pdf);
        } catch (NoSuchBucketException e) {
            s3.createBucket(request -> request.bucket(scanBucket));
            put(fileName, pdf);
        }
    }

    private void put(String fileName, byte[] pdf) {
        s3.putObject(request -> request.bucket(scanBucket).key(fileName).contentType("application/pdf")
                .serverSideEncryption(encrypt ? ServerSideEncryption.AES256 : null), RequestBody.fromBytes(pdf));
    }
}
