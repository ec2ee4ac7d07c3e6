package org.notifyhub.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Real PostgreSQL binaries run from a data folder that survives restarts, committing durably as production does. */
final class LocalPostgres implements LocalServer {

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDir, int port) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(pgData);
            removeStalePidFile(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // stopped by the local default after the application, not by a JVM hook racing it
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    // zonky turns it off for tests; an accepted notification must survive a machine crash here too
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new LocalPostgres(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    /** A hub killed without a clean stop leaves postmaster.pid behind, which would block the next start. */
    private static void removeStalePidFile(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        boolean alive = !firstLine.isEmpty() && ProcessHandle.of(Long.parseLong(firstLine)).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            Files.delete(pidFile);
        }
    }

    @Override
    public Map<String, Object> properties() {
        return properties(postgres.getPort());
    }

    static Map<String, Object> properties(int port) {
        return Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
