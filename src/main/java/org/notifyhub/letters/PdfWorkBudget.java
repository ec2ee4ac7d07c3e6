package org.notifyhub.letters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Inflates every stream of a PDF once, with PDFBox's own filters, into a sink that only counts, before anything else
 * reads the file: past the byte budget or the deadline the file is refused, so a small file that inflates to hundreds
 * of MB costs at most the budget in work and nothing in memory (a chain of filters buffers its middle stages, counted
 * against the same budget). Image codecs (JPEG, JPEG 2000, JBIG2, CCITT) are not decoded: checking a letter never
 * renders its images. Streams sit only at top-level offsets of the file (never inside object streams), so object
 * streams are counted here before PDFBox inflates them to read the objects inside. PDFBox inflates a few streams while
 * it opens a file (cross-reference streams, the object stream holding the catalogue), whole and in memory: so before
 * PDFBox opens it, {@link #inflateRaw} inflates every zlib stream that follows a {@code stream} keyword in the raw
 * bytes, counting the same way.
 */
final class PdfWorkBudget {

    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

    /** The file would cost more than its budget: refused without reading further. */
    static final class ExceededException extends IOException {
        ExceededException(String message) {
            super(message);
        }
    }

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

    private final long maxBytes;
    private final long deadline;
    private long spent;

    private PdfWorkBudget(long maxBytes, long deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    /** Started at {@code startNanos} ({@link System#nanoTime()}), the check must end within the limits' time. */
    static PdfWorkBudget of(PrecompiledLetterLimits limits, long startNanos) {
        return new PdfWorkBudget(limits.maxDecodedBytes(), startNanos + limits.maxCheckTime().toNanos());
    }

    /**
     * Inflates, counting, whatever zlib data follows each {@code stream} keyword of the raw file: bytes that are not
     * zlib fail at once. Throws {@link ExceededException} past a bound; the count then starts again for
     * {@link #inflateAll}, which decodes the same streams properly.
     */
    void inflateRaw(byte[] pdf) throws ExceededException {
        byte[] out = new byte[64 * 1024];
        int from = 0;
        int at;
        while ((at = indexOf(pdf, STREAM, from)) >= 0) {
            checkTime();
            int start = at + STREAM.length;
            from = start;
            if (start < pdf.length && pdf[start] == '\r') {
                start++;
            }
            if (start >= pdf.length || pdf[start] != '\n') {
                continue; // "endstream", or not the keyword
            }
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(pdf, start + 1, pdf.length - start - 1);
                int n;
                while ((n = inflater.inflate(out)) > 0) {
                    spend(n);
                }
            } catch (DataFormatException e) {
                // not zlib data, or not all of it: what was inflated is counted
            } finally {
                inflater.end();
            }
        }
        spent = 0;
    }

    /** Inflates every stream of the file, counting; throws {@link ExceededException} past a bound. */
    void inflateAll(COSDocument document) throws ExceededException {
        for (Map.Entry<COSObjectKey, Long> entry : new ArrayList<>(document.getXrefTable().entrySet())) {
            checkTime();
            if (entry.getValue() == null || entry.getValue() <= 0) {
                continue; // inside an object stream, which holds no streams
            }
            COSBase object = document.getObjectFromPool(entry.getKey()).getObject();
            if (object instanceof COSStream stream) {
                inflate(stream);
            }
        }
    }

    /** Fails once the deadline has passed: called between steps of the check. */
    void checkTime() throws ExceededException {
        if (System.nanoTime() - deadline > 0) {
            throw new ExceededException("checking the file took longer than allowed");
        }
    }

    private void inflate(COSStream stream) throws ExceededException {
        List<COSName> filters = filters(stream.getFilters());
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream in = raw;
            for (int i = 0; i < filters.size() && !IMAGE_CODECS.contains(filters.get(i)); i++) {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                boolean last = i + 1 == filters.size() || IMAGE_CODECS.contains(filters.get(i + 1));
                if (last) {
                    filter.decode(in, new Counting(null), stream, i);
                } else {
                    Middle middle = new Middle();
                    filter.decode(in, new Counting(middle), stream, i);
                    in = middle.reader();
                }
            }
        } catch (ExceededException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a stream PDFBox cannot decode is not a cost: the checks that read it decide about it
        }
        if (spent > maxBytes) {
            throw new ExceededException("streams inflate to more than " + maxBytes + " bytes");
        }
        checkTime();
    }

    private void spend(long bytes) throws ExceededException {
        spent += bytes;
        if (spent > maxBytes) {
            throw new ExceededException("streams inflate to more than " + maxBytes + " bytes");
        }
        checkTime();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<COSName> filters(COSBase filters) {
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** A middle stage of a filter chain, read back without copying it. */
    private static final class Middle extends ByteArrayOutputStream {
        InputStream reader() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }

    /** Counts what a filter writes against the budget, passing it on to {@code next} if there is one. */
    private final class Counting extends OutputStream {

        private final OutputStream next;

        Counting(OutputStream next) {
            this.next = next;
        }

        @Override
        public void write(int b) throws IOException {
            spend(1);
            if (next != null) {
                next.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            spend(len);
            if (next != null) {
                next.write(b, off, len);
            }
        }
    }
}
