package org.notifyhub.letters;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Test-key letters never go to DVLA: this writes the response file DVLA would have sent (§8.1), one letter per file,
 * named for a second of the last 30 that no file has yet, so response-file processing marks the letter delivered.
 */
@Component
public class FakeLetterResponseFiles {

    static final int SECONDS_TO_TRY = 30;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final LetterObjects objects;
    private final String bucket;
    private final Clock clock;

    public FakeLetterResponseFiles(LetterObjects objects, @Value("${notify.buckets.dvla-response}") String bucket,
                                   Clock clock) {
        this.objects = objects;
        this.bucket = bucket;
        this.clock = clock;
    }

    /** Writes {@code {reference}|Sent|0|Sorted} and returns the file's name. */
    public String create(String reference) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        List<Integer> offsets = new ArrayList<>(IntStream.range(0, SECONDS_TO_TRY).boxed().toList());
        Collections.shuffle(offsets, ThreadLocalRandom.current());
        for (int offset : offsets) {
            String name = fileName(now.minusSeconds(offset));
            if (!objects.exists(bucket, name)) {
                objects.put(bucket, name, (reference + "|Sent|0|Sorted\n").getBytes(StandardCharsets.UTF_8), "text/plain");
                return name;
            }
        }
        throw new IllegalStateException("No free second in the last " + SECONDS_TO_TRY
                + " s for a fake DVLA response file for letter " + reference);
    }

    static String fileName(ZonedDateTime utc) {
        return "NOTIFY-" + TIMESTAMP.format(utc) + "-RSP.TXT";
    }
}
