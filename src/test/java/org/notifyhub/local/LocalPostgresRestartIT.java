package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local default's PostgreSQL after its hub was killed (SIGKILL): pg_ctl daemonised it, so it is still running on
 * the data folder; the next start stops that orphan and starts afresh. A second hub on a folder in use is refused.
 */
class LocalPostgresRestartIT {

    @Test
    void aRestartAfterTheHubWasKilledStopsTheOrphanAndStarts() throws Exception {
        Path dataDir = Files.createTempDirectory("notify-pg-orphan-");
        Process hub = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), LocalPostgresHolder.class.getName(), dataDir.toString(),
                String.valueOf(LocalDefaults.freePort())).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("started"));
            assertThat(line).as("the first hub's PostgreSQL started").isEqualTo("started");
        }
        hub.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Optional<ProcessHandle> orphan = postgresOf(dataDir);
        assertThat(orphan).as("PostgreSQL outlives its killed hub").isPresent();

        try (LocalPostgres restarted = LocalPostgres.start(dataDir, LocalDefaults.freePort())) {
            assertThat(orphan.get().isAlive()).isFalse();
            assertThat(postgresOf(dataDir)).isPresent();
            assertThatThrownBy(() -> LocalPostgres.start(dataDir, LocalDefaults.freePort()))
                    .hasMessageContaining("Another hub is running on the data folder");
        }
        assertThat(postgresOf(dataDir)).isEmpty();
    }

    private static Optional<ProcessHandle> postgresOf(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }
}
