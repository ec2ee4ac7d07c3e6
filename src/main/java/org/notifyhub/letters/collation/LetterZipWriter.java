package org.notifyhub.letters.collation;

import jakarta.annotation.PreDestroy;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * Streams a group of letter PDFs from S3 into a zip: the zip is never whole in memory. PDFs are compressed already,
 * so entries are deflate level 0 (stored blocks): as fast as copying, and streamable without knowing each CRC in
 * advance as the STORED method would need. The next few small PDFs are fetched while one is written, so S3's
 * per-object latency is not paid in turn; at most {@link #PREFETCH_BYTES} wait in memory, and a PDF larger than
 * {@link #MAX_PREFETCHED_PDF} streams straight from S3 when its turn comes.
 */
@Component
public class LetterZipWriter {

    static final long PREFETCH_BYTES = 16L * 1024 * 1024;
    static final long MAX_PREFETCHED_PDF = 4L * 1024 * 1024;
    private static final int PREFETCH_COUNT = 8;
    private static final int FETCHERS = 4;
    private static final int BUFFER_BYTES = 256 * 1024;

    private final LetterPdfBucket bucket;
    private final ExecutorService fetchers = Executors.newFixedThreadPool(FETCHERS, task -> {
        Thread thread = new Thread(task, "letter-pdf-fetcher");
        thread.setDaemon(true);
        return thread;
    });

    public LetterZipWriter(LetterPdfBucket bucket) {
        this.bucket = bucket;
    }

    /**
     * Writes the zip to {@code out} and closes it; returns the zip's size in bytes. On failure the zip is left
     * unfinished (no central directory) and {@code out} open, for the caller to report the failure before closing it.
     */
    public long write(List<LetterPdf> group, OutputStream out) throws IOException {
        CountingOutputStream counted = new CountingOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(counted, BUFFER_BYTES));
        zip.setLevel(Deflater.NO_COMPRESSION);
        Prefetch ahead = new Prefetch(group);
        try {
            for (int i = 0; i < group.size(); i++) {
                LetterPdf pdf = group.get(i);
                zip.putNextEntry(new ZipEntry(pdf.entryName()));
                long copied = ahead.copy(i, zip);
                if (copied != pdf.size()) {
                    throw new IOException(pdf.key() + " is " + copied + " bytes, listed as " + pdf.size());
                }
                zip.closeEntry();
            }
        } finally {
            ahead.cancel();
        }
        zip.close();
        return counted.count;
    }

    @PreDestroy
    void stop() {
        fetchers.shutdownNow();
    }

    /** The PDFs being fetched ahead of the one being written, within the byte and count bounds. */
    private final class Prefetch {

        private final List<LetterPdf> group;
        private final Map<Integer, Future<byte[]>> fetching = new HashMap<>();
        private int next;
        private long bytesAhead;

        Prefetch(List<LetterPdf> group) {
            this.group = group;
        }

        long copy(int index, OutputStream to) throws IOException {
            fill(index);
            Future<byte[]> fetched = fetching.remove(index);
            if (fetched == null) {
                try (InputStream in = bucket.open(group.get(index).key())) {
                    return in.transferTo(to);
                }
            }
            byte[] pdf = await(fetched);
            bytesAhead -= group.get(index).size();
            to.write(pdf);
            return pdf.length;
        }

        private void fill(int index) {
            next = Math.max(next, index);
            while (next < group.size() && next - index < PREFETCH_COUNT) {
                LetterPdf pdf = group.get(next);
                if (pdf.size() > MAX_PREFETCHED_PDF) {
                    if (next > index) {
                        return;
                    }
                    next++;
                    continue;
                }
                if (bytesAhead + pdf.size() > PREFETCH_BYTES) {
                    return;
                }
                bytesAhead += pdf.size();
                fetching.put(next, fetchers.submit(() -> {
                    try (InputStream in = bucket.open(pdf.key())) {
                        return in.readAllBytes();
                    }
                }));
                next++;
            }
        }

        private byte[] await(Future<byte[]> fetched) throws IOException {
            try {
                return fetched.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while fetching a letter PDF");
            }
        }

        void cancel() {
            fetching.values().forEach(future -> future.cancel(true));
            fetching.clear();
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {

        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
