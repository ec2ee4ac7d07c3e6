package org.notifyhub.letters;

import java.util.Map;
import org.notifyhub.common.ObjectStorage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Puts an uploaded precompiled PDF in the scan bucket, to wait for its virus scan. */
@Component
public class PrecompiledLetterUploads {

    private final ObjectStorage store;
    private final String scanBucket;

    public PrecompiledLetterUploads(ObjectStorage store, @Value("${notify.buckets.letters-scan}") String scanBucket) {
        this.store = store;
        this.scanBucket = scanBucket;
    }

    public void toScanBucket(String fileName, byte[] pdf) {
        store.put(scanBucket, fileName, pdf, "application/pdf", Map.of());
    }
}
