package org.notifyhub.letters.collation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.notifyhub.common.ObjectStorage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The letters-pdf bucket as collation sees it: folder listings, PDF streams, and the records of zips sent. */
@Component
public class LetterPdfBucket {

    /** A PDF's key and size, as a listing gives them. */
    public record PdfObject(String key, long size) {
    }

    private final S3Client s3;
    private final ObjectStorage storage;
    private final ObjectMapper mapper;
    private final String bucket;

    public LetterPdfBucket(S3Client s3, ObjectStorage storage, ObjectMapper mapper,
                           @Value("${notify.buckets.letters-pdf}") String bucket) {
        this.s3 = s3;
        this.storage = storage;
        this.mapper = mapper;
        this.bucket = bucket;
    }

    /**
     * The PDFs of a print-date folder by letter reference (§6.2: the second dot-separated part of the name), from one
     * paginated listing; where several names share a reference the first in key order wins, as Notify's prefix lookup.
     */
    public Map<String, PdfObject> pdfsByReference(String folder) {
        Map<String, PdfObject> pdfs = new HashMap<>();
        list(folder, (key, size) -> {
            String name = key.substring(key.lastIndexOf('/') + 1);
            String[] parts = name.split("\\.");
            if (parts.length > 2 && name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                pdfs.putIfAbsent(parts[1].toUpperCase(Locale.ROOT), new PdfObject(key, size));
            }
        });
        return pdfs;
    }

    /** Names of the zips already sent for this print run. */
    public Set<String> zipsSent(PrintRun run) {
        Set<String> sent = new HashSet<>();
        String prefix = run.zipsSentPrefix();
        list(prefix, (key, size) -> {
            if (key.endsWith(".TXT")) {
                sent.add(key.substring(prefix.length(), key.length() - ".TXT".length()));
            }
        });
        return sent;
    }

    public InputStream open(String key) {
        return s3.getObject(request -> request.bucket(bucket).key(key));
    }

    /** The record that keeps a zip from being sent twice: the JSON list of the PDF keys it holds. */
    public void recordZipSent(PrintRun run, String zipName, List<String> keys) {
        try {
            storage.put(bucket, ZipNames.zipsSentKey(run, zipName), mapper.writeValueAsBytes(keys), "application/json",
                    Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always JSON", e);
        }
    }

    private void list(String prefix, BiConsumer<String, Long> each) {
        try {
            // The delimiter keeps a folder's own objects apart from its zips_sent/ records.
            s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix).delimiter("/")).contents()
                    .forEach((S3Object object) -> each.accept(object.key(), object.size()));
        } catch (NoSuchBucketException e) {
            // No bucket yet: nothing was ever written to it.
        }
    }
}
