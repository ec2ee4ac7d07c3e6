package org.notifyhub.letters.collation;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.notifyhub.alerts.Alerts;
import org.notifyhub.letters.LetterPdfNames;
import org.notifyhub.letters.collation.LetterPdfBucket.PdfObject;
import org.notifyhub.notifications.NotificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * collate-letter-pdfs-to-be-sent (§6.3): tonight's letters, per postage class and service, zipped straight from S3
 * onto DVLA's server (SFTP or FTP); each zip whose size checks out is recorded in {@code zips_sent} and only then are its
 * letters sending. A zip that fails leaves its letters created and the run goes on; a zip recorded as sent is never
 * sent again.
 */
@Component
public class LetterCollation {

    /** The order Notify collated in; economy is the newest class. */
    static final List<String> POSTAGES = List.of("first", "second", "europe", "rest-of-world", "economy");

    private static final Logger log = LoggerFactory.getLogger(LetterCollation.class);
    private static final int LETTER_BATCH = 10_000;
    private static final int UPDATE_CHUNK = 1_000;
    private static final int PIPE_BYTES = 1024 * 1024;
    /** Renewed after every zip, so only a dead node's lease ever runs out. */
    private static final Duration LEASE = Duration.ofMinutes(15);
    /** Said of a failed zip the server still holds: its letters go again in a zip that may have another name. */
    static final String LEFT_ON_SERVER = " may still be on DVLA's server: remove it by hand before the next run,"
            + " or its letters may be printed twice";

    private final LetterCollationRepository repository;
    private final NotificationRepository notifications;
    private final LetterPdfBucket bucket;
    private final LetterZipWriter zipWriter;
    private final DvlaServer ftp;
    private final LetterCollationProperties limits;
    private final Clock clock;
    private final Alerts alerts;
    private final MeterRegistry metrics;
    private final ExecutorService zipWriters;

    @Autowired
    public LetterCollation(LetterCollationRepository repository, NotificationRepository notifications,
                           LetterPdfBucket bucket, LetterZipWriter zipWriter, DvlaServer ftp, LetterCollationProperties limits,
                           Clock clock, MeterRegistry metrics, Alerts alerts) {
        this(repository, notifications, bucket, zipWriter, ftp, limits, clock, metrics, alerts, Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "letter-zip-writer");
            thread.setDaemon(true);
            return thread;
        }));
    }

    private LetterCollation(LetterCollationRepository repository, NotificationRepository notifications,
                            LetterPdfBucket bucket, LetterZipWriter zipWriter, DvlaServer ftp,
                            LetterCollationProperties limits, Clock clock, MeterRegistry metrics, Alerts alerts,
                            ExecutorService zipWriters) {
        this.alerts = alerts;
        this.repository = repository;
        this.notifications = notifications;
        this.bucket = bucket;
        this.zipWriters = zipWriters;
        this.zipWriter = zipWriter;
        this.ftp = ftp;
        this.limits = limits;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The same collation with other zip limits (a test's small zips); it shares this one's lock and threads. */
    public LetterCollation withLimits(LetterCollationProperties otherLimits) {
        return new LetterCollation(repository, notifications, bucket, zipWriter, ftp, otherLimits, clock, metrics, alerts, zipWriters);
    }

    /** The scheduled and the on-demand run: tonight's print run as the clock says. */
    public CollationSummary run() {
        return collate(PrintRun.at(clock.instant()));
    }

    /** Zips DVLA did not get, and letters without a PDF, are for an operator to look at before the next run. */
    private void alertOnProblems(CollationSummary summary) {
        if (summary.zipsFailed().isEmpty() && summary.lettersWithoutPdf() == 0) {
            return;
        }
        StringBuilder body = new StringBuilder("Letter collation for " + summary.printDate() + ": ");
        body.append(summary.zipsFailed().size()).append(" zip(s) not sent to DVLA; their letters stay created and go"
                + " with the next run");
        summary.zipsFailed().forEach(zip -> body.append("\n- ").append(zip.name()).append(" (")
                .append(zip.letters()).append(" letters): ").append(zip.error()));
        if (summary.lettersWithoutPdf() > 0) {
            body.append("\n").append(summary.lettersWithoutPdf()).append(" letter(s) have no PDF in the letters-pdf bucket");
        }
        alerts.raise("letter-collation-problems", "Letters not sent to DVLA", body.toString());
    }

    public CollationSummary collate(PrintRun run) {
        if (!ftp.configured()) {
            throw new CollationUnavailableException(false, "DVLA's server is not configured (NOTIFY_DVLA_FTP_HOST)");
        }
        UUID holder = UUID.randomUUID();
        if (!repository.holdLock(holder, now(), now().plus(LEASE))) {
            throw new CollationUnavailableException(true, "A letter collation is already running");
        }
        try {
            Run state = new Run(run, holder, bucket.zipsSent(run));
            for (String postage : POSTAGES) {
                collatePostage(state, postage);
            }
            CollationSummary summary = state.summary();
            log.info("Letter collation for {}: {} zip(s) sent, {} failed, {} sent before, {} letter(s) sending, "
                            + "{} without a PDF", run.date(), summary.zipsSent().size(), summary.zipsFailed().size(),
                    summary.zipsAlreadySent().size(), summary.lettersSent(), summary.lettersWithoutPdf());
            alertOnProblems(summary);
            return summary;
        } finally {
            repository.releaseLock(holder, now());
        }
    }

    private void collatePostage(Run state, String postage) {
        ZipGrouper grouper = new ZipGrouper(limits.maxZipBytes(), limits.maxFilesPerZip());
        AtomicInteger number = new AtomicInteger();
        LetterToCollate after = null;
        List<LetterToCollate> batch;
        do {
            batch = repository.dueForPrinting(postage, state.run.deadlineUtc(), after, LETTER_BATCH);
            for (LetterToCollate letter : batch) {
                PdfObject pdf = state.pdf(letter);
                if (pdf == null) {
                    log.error("No PDF for letter {} (reference {}) in the letters-pdf bucket; not sent tonight",
                            letter.id(), letter.reference());
                    state.lettersWithoutPdf++;
                    continue;
                }
                grouper.add(new LetterPdf(letter.id(), letter.serviceId(), letter.organisationId(), pdf.key(), pdf.size()))
                        .ifPresent(group -> send(state, postage, number.incrementAndGet(), group));
            }
            after = batch.isEmpty() ? null : batch.get(batch.size() - 1);
        } while (batch.size() == LETTER_BATCH);
        grouper.finish().ifPresent(group -> send(state, postage, number.incrementAndGet(), group));
    }

    private void send(Run state, String postage, int number, List<LetterPdf> group) {
        String name = ZipNames.zipName(state.run.date(), postage, number, group);
        List<UUID> ids = group.stream().map(LetterPdf::notificationId).toList();
        if (state.zipsSentBefore.contains(name)) {
            // It reached DVLA in an earlier run: only the status change may be missing.
            log.info("{} was sent before; not sending it again", name);
            state.alreadySent.add(name);
            state.lettersSent += markSent(ids);
            count("already-sent", group.size());
        } else {
            long bytes;
            try {
                bytes = upload(name, group);
            } catch (Exception e) {
                log.error("Could not send {} ({} letters) to DVLA; they stay created", name, group.size(), e);
                state.failed.add(new CollationSummary.ZipFailed(name, group.size(), String.valueOf(e.getMessage())));
                count("failed", group.size());
                keepLease(state);
                return;
            }
            // The zip is at DVLA: its letters are sent whatever else fails now.
            try {
                bucket.recordZipSent(state.run, name, group.stream().map(LetterPdf::key).toList());
            } catch (RuntimeException e) {
                log.error("{} was sent but its zips_sent record could not be written; its letters become sending, "
                        + "which keeps them out of later runs", name, e);
            }
            state.lettersSent += markSent(ids);
            state.sent.add(new CollationSummary.ZipSent(name, group.size(), bytes));
            count("sent", group.size());
            log.info("Sent {} ({} letters, {} bytes) to DVLA", name, group.size(), bytes);
        }
        keepLease(state);
    }

    /** Renews the lease; a run that lost it stops, since another run may now be sending the same letters. */
    private void keepLease(Run state) {
        if (!repository.holdLock(state.holder, now(), now().plus(LEASE))) {
            throw new CollationUnavailableException(true, "The letter collation lease was lost to another run; stopping");
        }
    }

    /** Streams the zip through a pipe into the upload, then checks the server holds every byte written. */
    private long upload(String name, List<LetterPdf> group) throws IOException, InterruptedException {
        PipedInputStream pipeIn = new PipedInputStream(PIPE_BYTES);
        PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
        ZipStream zip = new ZipStream(pipeIn);
        Future<Long> written = zipWriters.submit(() -> {
            try {
                return zipWriter.write(group, pipeOut);
            } catch (Exception e) {
                zip.fail(e);
                pipeOut.close();
                throw e;
            }
        });
        try {
            try {
                ftp.upload(name, zip);
            } catch (IOException e) {
                // The upload failed because the zip could not be written: that is the cause worth reporting.
                throw zip.failure == null ? e : writingFailed(name, zip.failure);
            } finally {
                // Unblocks a writer still writing after a failed upload.
                pipeIn.close();
            }
            long bytes;
            try {
                bytes = written.get();
            } catch (ExecutionException e) {
                throw writingFailed(name, e.getCause());
            }
            OptionalLong remote = ftp.remoteSize(name);
            if (remote.isEmpty() || remote.getAsLong() != bytes) {
                throw new IOException(name + " is " + (remote.isEmpty() ? "missing" : remote.getAsLong() + " bytes")
                        + " on DVLA's " + ftp.protocol() + " server after " + bytes + " bytes were written");
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            // An upload that never read the zip never opened it on the server (a refused login or host key): nothing
            // there to remove.
            if (zip.opened && !removeRemote(name)) {
                throw new IOException(e.getMessage() + "; " + name + LEFT_ON_SERVER, e);
            }
            throw e;
        }
    }

    private static IOException writingFailed(String name, Throwable cause) {
        return new IOException("Writing " + name + " failed: " + cause.getMessage(), cause);
    }

    /**
     * Its letters stay created and go in another zip: a partial or wrong copy left behind could be printed too. True
     * when the server no longer has the file; a refused delete answers false, as does an error.
     */
    private boolean removeRemote(String name) {
        try {
            if (ftp.delete(name) || ftp.remoteSize(name).isEmpty()) {
                return true;
            }
            log.error("DVLA's server refused to remove {} after its upload failed; remove it by hand", name);
        } catch (IOException | RuntimeException e) {
            log.error("Could not remove {} from DVLA's server after its upload failed; remove it by hand", name, e);
        }
        return false;
    }

    private int markSent(List<UUID> ids) {
        int marked = 0;
        for (int from = 0; from < ids.size(); from += UPDATE_CHUNK) {
            marked += notifications.markSentToDvla(ids.subList(from, Math.min(ids.size(), from + UPDATE_CHUNK)), now());
        }
        return marked;
    }

    private void count(String outcome, int letters) {
        metrics.counter("notify.letters.collation.zips", "outcome", outcome).increment();
        metrics.counter("notify.letters.collation.letters", "outcome", outcome).increment(letters);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    @PreDestroy
    void stop() {
        zipWriters.shutdownNow();
    }

    /** The state of one run: folder listings read once, what was sent before, and the tally. */
    private final class Run {

        private final PrintRun run;
        private final UUID holder;
        private final Set<String> zipsSentBefore;
        private final Map<String, Map<String, PdfObject>> folders = new HashMap<>();
        private final List<CollationSummary.ZipSent> sent = new ArrayList<>();
        private final List<CollationSummary.ZipFailed> failed = new ArrayList<>();
        private final List<String> alreadySent = new ArrayList<>();
        private int lettersSent;
        private int lettersWithoutPdf;

        Run(PrintRun run, UUID holder, Set<String> zipsSentBefore) {
            this.run = run;
            this.holder = holder;
            this.zipsSentBefore = zipsSentBefore;
        }

        PdfObject pdf(LetterToCollate letter) {
            return folders.computeIfAbsent(LetterPdfNames.folder(letter.createdAt()), bucket::pdfsByReference)
                    .get(letter.reference().toUpperCase(Locale.ROOT));
        }

        CollationSummary summary() {
            return new CollationSummary(run.date(), List.copyOf(sent), List.copyOf(failed), List.copyOf(alreadySent),
                    lettersSent, lettersWithoutPdf);
        }
    }

    /** The read end of the pipe: the end of a zip whose writing failed is an error, never a clean end of file. */
    private static final class ZipStream extends FilterInputStream {

        private volatile Exception failure;
        /** The upload asked for the zip's bytes, so the remote file may exist. */
        private volatile boolean opened;
        /** The upload closed the zip (it failed, or finished): the writer's "Pipe closed" is its echo, not a cause. */
        private volatile boolean closed;

        ZipStream(InputStream in) {
            super(in);
        }

        void fail(Exception e) {
            if (!closed) {
                failure = e;
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }

        @Override
        public int read() throws IOException {
            opened = true;
            return checked(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            opened = true;
            return checked(super.read(b, off, len));
        }

        private int checked(int result) throws IOException {
            if (result < 0 && failure != null) {
                throw new IOException("The zip could not be written", failure);
            }
            return result;
        }
    }
}
