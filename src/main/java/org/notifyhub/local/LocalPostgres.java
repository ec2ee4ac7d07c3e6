package org.notifyhub.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Real PostgreSQL binaries run from a data folder that survives restarts, committing durably as production does. */
final class LocalPostgres implements LocalServer {

    private final EmbeddedPostgres postgres;
    private final FileChannel lock;

    private LocalPostgres(EmbeddedPostgres postgres, FileChannel lock) {
        this.postgres = postgres;
        this.lock = lock;
    }

    static LocalPostgres start(Path dataDir, int port) {
        Path pgData = dataDir.resolve("postgres");
        FileChannel lock = null;
        try {
            Files.createDirectories(pgData);
            lock = lockFolder(dataDir);
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
            return new LocalPostgres(postgres, lock);
        } catch (IOException e) {
            closeQuietly(lock);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * One hub per data folder: the lock is held for the life of this PostgreSQL and dropped by the operating system
     * when the JVM dies however it dies, so a PostgreSQL still serving the folder without it is an orphan.
     */
    private static FileChannel lockFolder(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve("postgres.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException inThisJvm) {
            // fall through: the folder is in use
        }
        channel.close();
        throw new IllegalStateException("Another hub is running on the data folder " + dataDir
                + ": stop it, or give this one its own NOTIFY_DATA_DIR");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // releasing the lock is all closing it does
            }
        }
    }

    /**
     * A hub killed without a clean stop (a crash, SIGKILL) leaves postmaster.pid behind, and its PostgreSQL either dead
     * (the file would block the next start) or, daemonised by pg_ctl, still running on its own (it would hold the
     * folder). With the folder's lock held, such a PostgreSQL is an orphan: it is stopped and the file goes.
     */
    private static void removeStalePidFile(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!firstLine.isEmpty()) {
            ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive)
                    .filter(process -> servesFolder(process, pgData)).ifPresent(LocalPostgres::stopOrphan);
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean servesFolder(ProcessHandle process, Path pgData) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false)
                && process.info().arguments().map(arguments -> Arrays.asList(arguments).contains(pgData.toString()))
                .orElse(false);
    }

    /** SIGTERM, PostgreSQL's smart shutdown (at once with no client left), then SIGKILL if it will not go. */
    private static void stopOrphan(ProcessHandle orphan) {
        orphan.destroy();
        try {
            orphan.onExit().get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            orphan.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not stop the orphaned PostgreSQL " + orphan.pid(), e);
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
        } finally {
            closeQuietly(lock);
        }
    }
}
