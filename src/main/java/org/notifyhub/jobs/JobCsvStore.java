package org.notifyhub.jobs;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Job CSVs in the CSV bucket at service-{service_id}-notify/{job_id}.csv (§4.5), with the metadata set on upload. */
@Component
public class JobCsvStore {

    private final S3Client s3;
    private final String bucket;

    public JobCsvStore(S3Client s3, @Value("${notify.buckets.csv-upload}") String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    public static String key(UUID serviceId, UUID jobId) {
        return "service-" + serviceId + "-notify/" + jobId + ".csv";
    }

    /** The upload's metadata, or empty when there is no such file. */
    public Optional<Map<String, String>> metadata(UUID serviceId, UUID jobId) {
        try {
            return Optional.of(s3.headObject(request -> request.bucket(bucket).key(key(serviceId, jobId))).metadata());
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The file as a stream straight from S3: the caller reads it row by row and closes it. */
    public InputStream open(UUID serviceId, UUID jobId) {
        return s3.getObject(request -> request.bucket(bucket).key(key(serviceId, jobId)));
    }

    /** Removes the job's file (S3 answers a missing one as deleted, so a second removal changes nothing). */
    public void delete(UUID serviceId, UUID jobId) {
        s3.deleteObject(request -> request.bucket(bucket).key(key(serviceId, jobId)));
    }
}
