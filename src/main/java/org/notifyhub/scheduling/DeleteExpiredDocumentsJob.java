package org.notifyhub.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.notifyhub.documents.DocumentBucket;
import org.notifyhub.documents.DocumentRepository;
import org.notifyhub.documents.DocumentRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * delete-expired-documents: files sent by email whose last day has passed leave the documents bucket, and their rows
 * are marked deleted, so their links answer 410 (document-download-api leaves this to an S3 lifecycle rule).
 */
@Component
public class DeleteExpiredDocumentsJob {

    private static final Logger log = LoggerFactory.getLogger(DeleteExpiredDocumentsJob.class);

    private final DocumentRepository documents;
    private final DocumentBucket bucket;
    private final Clock clock;
    private final int batchSize;

    public DeleteExpiredDocumentsJob(DocumentRepository documents, DocumentBucket bucket, Clock clock,
                                     @Value("${notify.documents.deletion-batch-size}") int batchSize) {
        this.documents = documents;
        this.bucket = bucket;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Returns how many files were deleted. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        int total = 0;
        List<DocumentRow> batch;
        do {
            batch = documents.expired(today, batchSize);
            for (DocumentRow document : batch) {
                bucket.delete(document.objectKey());
                if (documents.markDeleted(document.id(), LocalDateTime.now(clock))) {
                    total++;
                }
            }
        } while (batch.size() == batchSize);
        if (total > 0) {
            log.info("Deleted {} files sent by email whose retention period ended before {}", total, today);
        }
        return total;
    }
}
