package org.notifyhub.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeLetterResponseFilesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T13:45:30Z");

    /** The bucket as a map: the rule under test is which names get taken, not how S3 stores them. */
    private static final class Bucket extends LetterObjects {

        final Map<String, String> files = new HashMap<>();

        Bucket() {
            super(null, null);
        }

        @Override
        public boolean exists(String bucket, String key) {
            return files.containsKey(key);
        }

        @Override
        public void put(String bucket, String key, byte[] content, String contentType) {
            files.put(key, new String(content, StandardCharsets.UTF_8));
        }
    }

    private final Bucket bucket = new Bucket();
    private final FakeLetterResponseFiles responses =
            new FakeLetterResponseFiles(bucket, "dvla-response", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void writesOneSentLineUnderAnUnusedSecondOfTheLastThirtyInUtc() {
        String name = responses.create("ABCDEF1234567890");

        assertThat(name).matches("NOTIFY-202606011345(0[1-9]|[12][0-9]|30)-RSP\\.TXT");
        assertThat(bucket.files).containsExactly(Map.entry(name, "ABCDEF1234567890|Sent|0|Sorted\n"));
    }

    @Test
    void neverOverwritesAnotherLettersFileAndFailsWhenEverySecondIsTaken() {
        for (int i = 0; i < FakeLetterResponseFiles.SECONDS_TO_TRY - 1; i++) {
            responses.create("REF" + i);
        }
        assertThat(bucket.files).hasSize(FakeLetterResponseFiles.SECONDS_TO_TRY - 1);
        String last = responses.create("LAST");
        assertThat(bucket.files).hasSize(FakeLetterResponseFiles.SECONDS_TO_TRY).containsEntry(last, "LAST|Sent|0|Sorted\n");

        assertThatThrownBy(() -> responses.create("ONE-TOO-MANY")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No free second");
    }

    @Test
    void theNameIsNotifysRspPattern() {
        assertThat(FakeLetterResponseFiles.fileName(ZonedDateTime.of(2018, 1, 25, 14, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("NOTIFY-20180125140000-RSP.TXT");
    }
}
