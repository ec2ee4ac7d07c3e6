package org.notifyhub.letters.responses;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * DVLA response files dropped in the response bucket (Notify's {domain}-ftp). A poll lists only the top level of
 * notify.dvla.response-bucket-prefix (the ACK files under root/dispatch/ and files already moved away are never
 * listed), skips names already processed with one query, and downloads only the rest. After applying, a file moves
 * to processed/ (or failed/ when malformed) under the same prefix, so the next poll does not see it again.
 */
@Component
public class DvlaResponseBucket {

    public static final String PROCESSED = "processed/";
    public static final String FAILED = "failed/";
    private static final Logger log = LoggerFactory.getLogger(DvlaResponseBucket.class);

    private final S3Client s3;
    private final DvlaResponseFiles files;
    private final DvlaResponseRepository repository;
    private final String bucket;
    private final String prefix;

    public DvlaResponseBucket(S3Client s3, DvlaResponseFiles files, DvlaResponseRepository repository,
                              @Value("${notify.buckets.dvla-response}") String bucket,
                              @Value("${notify.dvla.response-bucket-prefix:}") String prefix) {
        this.s3 = s3;
        this.files = files;
        this.repository = repository;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** Keys of response files waiting at the top of the prefix; a key already processed is moved away, unread. */
    public List<String> pendingKeys() {
        List<String> keys = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix).delimiter("/")).stream()
                    .forEach(page -> page.contents().stream().map(S3Object::key)
                            .filter(key -> DvlaResponseFileParser.isResponseFile(DvlaResponseFiles.baseName(key)))
                            .forEach(keys::add));
        } catch (NoSuchBucketException e) {
            return List.of();
        }
        Map<String, String> keyByName = keys.stream()
                .collect(Collectors.toMap(DvlaResponseFiles::baseName, Function.identity(), (a, b) -> a));
        Set<String> processed = new HashSet<>(repository.processedAmong(keyByName.keySet()));
        List<String> pending = new ArrayList<>();
        for (String key : keys) {
            if (processed.contains(DvlaResponseFiles.baseName(key))) {
                log.info("DVLA response file {} was processed before; moved to {}", key, PROCESSED);
                move(key, PROCESSED);
            } else {
                pending.add(key);
            }
        }
        return pending;
    }

    /**
     * Downloads, applies and moves one file; a malformed file goes to failed/ (its alert is already raised). A database
     * error leaves the file where it is (alerted), for the next poll.
     */
    public DvlaResponseFiles.Outcome process(String key) {
        byte[] content = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
        try {
            DvlaResponseFiles.Outcome outcome = files.apply(DvlaResponseFiles.baseName(key), content, "bucket");
            move(key, PROCESSED);
            return outcome;
        } catch (InvalidDvlaResponseFileException e) {
            move(key, FAILED);
            return null;
        }
    }

    private void move(String key, String folder) {
        String target = prefix + folder + key.substring(prefix.length());
        s3.copyObject(request -> request.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey(target));
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }
}
