package org.notifyhub.common;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/** The object store is up when S3 answers a bucket listing. */
@Component("objectStore")
public class ObjectStoreHealthIndicator extends AbstractHealthIndicator {

    private final S3Client s3;

    public ObjectStoreHealthIndicator(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("buckets", s3.listBuckets().buckets().size());
    }
}
