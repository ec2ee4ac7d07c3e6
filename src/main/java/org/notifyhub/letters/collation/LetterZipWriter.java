package org.notifyhub.letters.collation;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * Streams a group of letter PDFs from S3 into a zip, one buffer at a time: the zip is never whole in memory. PDFs are
 * compressed already, so entries are deflate level 0 (stored blocks): as fast as copying, and streamable without
 * knowing each CRC in advance as the STORED method would need.
 */
@Component
public class LetterZipWriter {

    private static final int BUFFER_BYTES = 256 * 1024;

    private final LetterPdfBucket bucket;

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
        for (LetterPdf pdf : group) {
            zip.putNextEntry(new ZipEntry(pdf.entryName()));
            try (InputStream in = bucket.open(pdf.key())) {
                long copied = in.transferTo(zip);
                if (copied != pdf.size()) {
                    throw new IOException(pdf.key() + " is " + copied + " bytes, listed as " + pdf.size());
                }
            }
            zip.closeEntry();
        }
        zip.close();
        return counted.count;
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
