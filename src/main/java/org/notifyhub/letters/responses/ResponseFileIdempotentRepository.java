package org.notifyhub.letters.responses;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.stereotype.Component;

/**
 * The idempotent repository of the consumer of DVLA's server (SFTP or FTP) over dvla_response_files, so a processed
 * file is not downloaded again.
 * {@link DvlaResponseFiles} itself writes the marker inside the transaction that applies the file (that is the
 * exactly-once guarantee); Camel's add after completion then finds it there. A marker is never removed: a file whose
 * statuses were applied stays applied even if moving it afterwards failed.
 */
@Component("dvlaResponseFileRepository")
public class ResponseFileIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private final DvlaResponseRepository repository;

    public ResponseFileIdempotentRepository(DvlaResponseRepository repository) {
        this.repository = repository;
    }

    /** True for a file not yet applied; the marker itself is written only by the apply's transaction. */
    @Override
    public boolean add(String key) {
        return !contains(key);
    }

    @Override
    public boolean contains(String key) {
        return repository.isProcessed(DvlaResponseFiles.baseName(key));
    }

    @Override
    public boolean remove(String key) {
        return false;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // Processed markers are the record of what was applied; they are never cleared from here.
    }
}
