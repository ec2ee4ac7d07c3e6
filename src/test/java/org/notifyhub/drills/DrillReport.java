package org.notifyhub.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The results table of a drill run, one row per drill, in target/drills/results.md (copied into the README). */
final class DrillReport {

    static final Path FILE = Path.of("target", "drills", "results.md");

    private DrillReport() {
    }

    /** One drill's row; {@code passed} is whether its assertions held. */
    static synchronized void row(String drill, String fault, DrillOutcome outcome, String measured, boolean passed) throws IOException {
        row(drill, fault, outcome.requests(), outcome.created(), outcome.rows(), outcome.lost(),
                outcome.duplicateRows() + " / " + outcome.duplicateSends(),
                measured + (outcome.answers().isEmpty() ? "" : "; answers " + outcome.answers() + "; final " + outcome.statuses()),
                passed);
    }

    static synchronized void row(String drill, String fault, long requests, long created, long rows, long lost,
                                 String duplicates, String measured, boolean passed) throws IOException {
        Files.createDirectories(FILE.getParent());
        if (!Files.exists(FILE)) {
            Files.writeString(FILE, "Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n\n"
                    + "| drill | fault | requests | 201s | rows | lost | duplicate rows / sends | measured | result |\n"
                    + "|---|---|---:|---:|---:|---:|---:|---|---|\n");
        }
        Files.writeString(FILE, "| " + drill + " | " + fault + " | " + requests + " | " + created + " | " + rows + " | " + lost
                + " | " + duplicates + " | " + measured + " | " + (passed ? "pass" : "FAIL") + " |\n", StandardOpenOption.APPEND);
    }
}
