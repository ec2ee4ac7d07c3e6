package org.notifyhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.notifyhub.NotifyHubApplication;
import org.notifyhub.support.ExtraNode;

/**
 * How long the local default takes to be ready (readiness 200): on a fresh data folder (PostgreSQL's initdb, every
 * migration, the demo service) and restarted on the same folder, each three times, next to the machine's baseline of a
 * JVM that only starts and exits. Targets (issue 14): first start within 20 s, a restart within 10 s, on a quiet
 * machine. Writes target/benchmarks/startup.md; the targets are reported, not asserted (a timed test would fail under
 * load), and the run only asserts each start became ready.
 */
class StartupBenchmark {

    private static final int ROUNDS = 3;
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void theLocalDefaultStartsAndRestarts() throws Exception {
        List<Double> jvm = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            jvm.add(seconds(() -> run(List.of(java(), "-version"))));
            Path dataDir = Files.createTempDirectory("notify-hub-startup-");
            first.add(startAndStop(dataDir, "first-" + round));
            restart.add(startAndStop(dataDir, "restart-" + round));
        }

        StringBuilder table = new StringBuilder("| measure | median | runs | target |\n|---|---|---|---|\n");
        row(table, "JVM start and exit (`java -version`, baseline)", jvm, "—");
        row(table, "first start on a fresh data folder, to readiness", first, "≤ 20 s");
        row(table, "restart on the same folder, to readiness", restart, "≤ 10 s");
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("startup.md");
        Files.writeString(out, table.toString());
        System.out.println(table);
        assertThat(first).hasSize(ROUNDS);
    }

    private static double startAndStop(Path dataDir, String name) throws Exception {
        int port = ExtraNode.freePort();
        List<String> command = List.of(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                NotifyHubApplication.class.getName(), "--server.port=" + port, "--notify.data-dir=" + dataDir);
        Path log = Files.createDirectories(Path.of("target", "benchmarks", "startup")).resolve(name + ".log");
        long start = System.nanoTime();
        Process hub = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
            while (System.nanoTime() - start < LIMIT.toNanos()) {
                assertThat(hub.isAlive()).as("hub running; see %s", log).isTrue();
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                } catch (IOException notListeningYet) {
                    // keep polling
                }
                Thread.sleep(50);
            }
            throw new AssertionError("not ready within " + LIMIT + "; see " + log);
        } finally {
            hub.destroy();
            if (!hub.waitFor(60, TimeUnit.SECONDS)) {
                hub.destroyForcibly().waitFor();
            }
        }
    }

    private static void row(StringBuilder table, String measure, List<Double> runs, String target) {
        List<Double> sorted = runs.stream().sorted().toList();
        table.append("| ").append(measure).append(" | ").append(format(sorted.get(sorted.size() / 2))).append(" s | ")
                .append(String.join(", ", runs.stream().map(StartupBenchmark::format).toList())).append(" | ")
                .append(target).append(" |\n");
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double seconds(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
