package org.notifyhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the download pages show, as document-download-frontend and notifications-utils format it. */
class DocumentPagesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @ParameterizedTest
    @CsvSource({"10,0.1KB", "51,0.1KB", "1024,1KB", "1536,1.5KB", "10240,1KB", "52428,51.2KB", "52429,0.1MB",
            "1258291,1.2MB", "2097152,2MB"})
    void fileSizesAsNotifysFormatterShowsThem(long bytes, String shown) {
        assertThat(DocumentPages.fileSize(bytes)).isEqualTo(shown);
    }

    @Test
    void theWeekdayIsShownOnlyWithinAMonth() {
        assertThat(DocumentPages.expiryDate(TODAY.plusDays(30), TODAY)).isEqualTo("Monday 4 January 2027");
        assertThat(DocumentPages.expiryDate(TODAY.plusWeeks(26), TODAY)).isEqualTo("5 June 2027");
    }

    @Test
    void aFileCanBeDownloadedUpToAndIncludingItsLastDay() {
        DocumentRow row = new DocumentRow(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "k", null,
                "application/pdf", 10, "check", null, LocalDateTime.of(2026, 11, 28, 9, 0), TODAY, null);

        assertThat(row.expired(TODAY)).isFalse();
        assertThat(row.expired(TODAY.plusDays(1))).isTrue();
        assertThat(row.downloadName()).isEqualTo(row.id() + ".pdf");
    }
}
