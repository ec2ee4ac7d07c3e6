package org.notifyhub.letters.collation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/** What one collation run did: zips sent, zips that failed (their letters stay created), zips sent before. */
public record CollationSummary(
        @JsonProperty("print_date") LocalDate printDate,
        @JsonProperty("zips_sent") List<ZipSent> zipsSent,
        @JsonProperty("zips_failed") List<ZipFailed> zipsFailed,
        @JsonProperty("zips_already_sent") List<String> zipsAlreadySent,
        @JsonProperty("letters_sent") int lettersSent,
        @JsonProperty("letters_without_pdf") int lettersWithoutPdf) {

    public record ZipSent(String name, int letters, long bytes) {
    }

    public record ZipFailed(String name, int letters, String error) {
    }
}
