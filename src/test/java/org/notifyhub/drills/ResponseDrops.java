package org.notifyhub.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where DVLA drops response files and where the hub moves them: the FTP server's response folder (written under a
 * name the hub does not take, then renamed, as an upload that completes) and the response bucket's top level. A
 * file moved to the failed folder was rejected; to the processed folder, applied.
 */
final class ResponseDrops {

    enum Source { FTP, BUCKET }

    enum Outcome { PROCESSED, FAILED, PENDING }

    private final Path ftpFolder;
    private final DrillLetters letters;
    private final Map<String, Source> sources = new HashMap<>();

    ResponseDrops(Path ftpFolder, DrillLetters letters) throws IOException {
        this.ftpFolder = Files.createDirectories(ftpFolder);
        this.letters = letters;
    }

    void drop(Source source, String name, byte[] content) throws IOException {
        sources.put(name, source);
        if (source == Source.FTP) {
            Path partial = ftpFolder.resolve(name + ".part");
            Files.write(partial, content);
            Files.move(partial, ftpFolder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } else {
            letters.putResponseFile(name, content);
        }
    }

    /** Waits until the hub has moved the file away, and says where to. */
    Outcome awaitMoved(String name, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        Outcome outcome = where(name);
        while (outcome == Outcome.PENDING && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            outcome = where(name);
        }
        return outcome;
    }

    private Outcome where(String name) {
        if (sources.get(name) == Source.FTP) {
            return Files.exists(ftpFolder.resolve(".failed").resolve(name)) ? Outcome.FAILED
                    : Files.exists(ftpFolder.resolve(".processed").resolve(name)) ? Outcome.PROCESSED : Outcome.PENDING;
        }
        return letters.responseFileIn("failed/", name) ? Outcome.FAILED
                : letters.responseFileIn("processed/", name) ? Outcome.PROCESSED : Outcome.PENDING;
    }
}
