package org.notifyhub.letters.collation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of one zip sent to DVLA (notify.letters.collation.*): the zip file's size, PDFs and zip headers together,
 * and the number of PDFs in it. A single PDF larger than the size limit still goes, in a zip of its own.
 */
@ConfigurationProperties("notify.letters.collation")
public record LetterCollationProperties(long maxZipBytes, int maxFilesPerZip) {

    public LetterCollationProperties {
        if (maxZipBytes < 1 || maxFilesPerZip < 1) {
            throw new IllegalArgumentException("notify.letters.collation.max-zip-bytes and max-files-per-zip must be positive");
        }
    }
}
