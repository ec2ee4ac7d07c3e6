package org.notifyhub.letters.collation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups a service-ordered run of letter PDFs into zips (§6.3): consecutive PDFs of one service, at most
 * {@code maxFiles} of them, while the zip file stays within {@code maxZipBytes}. A PDF too large on its own makes a
 * zip of its own; no group is ever empty. Fed one PDF at a time, so the letters never all sit in memory.
 */
public final class ZipGrouper {

    /** The zip's end-of-central-directory record. */
    private static final long END_RECORD_BYTES = 22;
    /** A deflate "stored" block header every 16 KiB at most (measured: one per ~32 KiB), plus the final block. */
    private static final long STORED_BLOCK_BYTES = 5;
    private static final long STORED_BLOCK_SPAN = 16_384;

    private final long maxZipBytes;
    private final int maxFiles;
    private final List<LetterPdf> current = new ArrayList<>();
    private long currentBytes = END_RECORD_BYTES;

    public ZipGrouper(long maxZipBytes, int maxFiles) {
        this.maxZipBytes = maxZipBytes;
        this.maxFiles = maxFiles;
    }

    /** Adds the next PDF; returns the group it closed, when it could not join the current one. */
    public Optional<List<LetterPdf>> add(LetterPdf pdf) {
        long bytes = zipBytes(pdf);
        Optional<List<LetterPdf>> closed = Optional.empty();
        if (!current.isEmpty() && (!pdf.serviceId().equals(current.get(0).serviceId())
                || current.size() >= maxFiles
                || currentBytes + bytes > maxZipBytes)) {
            closed = finish();
        }
        current.add(pdf);
        currentBytes += bytes;
        return closed;
    }

    /** The last group, if any PDFs are left. */
    public Optional<List<LetterPdf>> finish() {
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<LetterPdf> group = List.copyOf(current);
        current.clear();
        currentBytes = END_RECORD_BYTES;
        return Optional.of(group);
    }

    /** All groups of a list at once. */
    public static List<List<LetterPdf>> group(List<LetterPdf> pdfs, long maxZipBytes, int maxFiles) {
        ZipGrouper grouper = new ZipGrouper(maxZipBytes, maxFiles);
        List<List<LetterPdf>> groups = new ArrayList<>();
        pdfs.forEach(pdf -> grouper.add(pdf).ifPresent(groups::add));
        grouper.finish().ifPresent(groups::add);
        return groups;
    }

    /**
     * An upper bound of what one PDF adds to a zip written by {@link LetterZipWriter}: local header, deflate-stored
     * data, data descriptor and central directory entry.
     */
    static long zipBytes(LetterPdf pdf) {
        long name = pdf.entryName().length();
        long data = pdf.size() + STORED_BLOCK_BYTES * (pdf.size() / STORED_BLOCK_SPAN + 2);
        return (30 + name) + data + 16 + (46 + name);
    }

    /** An upper bound of the size of the zip of these PDFs. */
    static long zipBytes(List<LetterPdf> group) {
        return END_RECORD_BYTES + group.stream().mapToLong(ZipGrouper::zipBytes).sum();
    }
}
