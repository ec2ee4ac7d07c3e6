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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ExtraNode;

/**
 * How long the local default takes to be ready (readiness 200), started by the README's own command
 * ({@code mvn -B spring-boot:run}, offline here): on a fresh data folder (PostgreSQL's initdb, every migration, the
 * demo service) and restarted on the same folder, each three times, next to the machine's baseline of a JVM that only
 * starts and exits. The hub's time is counted from the start of the JVM Maven launches (with the classpath and flags
 * Spring Boot's run goal gives it) to readiness; the whole command, Maven's up-to-date build checks included, is
 * reported beside it. Targets (issue 14): first start within 20 s, a restart within 10 s, on a quiet machine. Writes
 * target/benchmarks/startup.md; the targets are reported, not asserted (a timed test would fail under load), and the
 * run only asserts each start became ready.
 */
class StartupBenchmark {

    private static final int ROUNDS = 3;
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void theLocalDefaultStartsAndRestarts() throws Exception {
        List<Double> jvm = new ArrayList<>();
        List<Start> first = new ArrayList<>();
        List<Start> restart = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            jvm.add(seconds(() -> run(List.of(java(), "-version"))));
            Path dataDir = Files.createTempDirectory("notify-hub-startup-");
            first.add(startAndStop(dataDir, "first-" + round));
            restart.add(startAndStop(dataDir, "restart-" + round));
        }

        StringBuilder table = new StringBuilder("| measure | median | runs | target |\n|---|---|---|---|\n");
        row(table, "JVM start and exit (`java -version`, baseline)", jvm, "—");
        row(table, "first start on a fresh data folder: hub JVM to readiness", hub(first), "≤ 20 s");
        row(table, "restart on the same folder: hub JVM to readiness", hub(restart), "≤ 10 s");
        row(table, "first start: the whole command, Maven's build checks included", command(first), "—");
        row(table, "restart: the whole command, Maven's build checks included", command(restart), "—");
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("startup.md");
        Files.writeString(out, table.toString());
        System.out.println(table);
        assertThat(first).hasSize(ROUNDS);
    }

    /** Seconds from the README command to readiness, and from the hub JVM's own start to readiness. */
    private record Start(double command, double hub) {
    }

    private static List<Double> hub(List<Start> starts) {
        return starts.stream().map(Start::hub).toList();
    }

    private static List<Double> command(List<Start> starts) {
        return starts.stream().map(Start::command).toList();
    }

    private static Start startAndStop(Path dataDir, String name) throws Exception {
        int port = ExtraNode.freePort();
        List<String> command = List.of("mvn", "-B", "-o", "spring-boot:run",
                "-Dspring-boot.run.arguments=--server.port=" + port + " --notify.data-dir=" + dataDir);
        Path log = Files.createDirectories(Path.of("target", "benchmarks", "startup")).resolve(name + ".log");
        Instant start = Instant.now();
        Process maven = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
            while (Duration.between(start, Instant.now()).compareTo(LIMIT) < 0) {
                assertThat(maven.isAlive()).as("hub running; see %s", log).isTrue();
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        Instant readyAt = Instant.now();
                        Instant hubStarted = hubJvm(maven).info().startInstant().orElseThrow();
                        return new Start(between(start, readyAt), between(hubStarted, readyAt));
                    }
                } catch (IOException notListeningYet) {
                    // keep polling
                }
                Thread.sleep(50);
            }
            throw new AssertionError("not ready within " + LIMIT + "; see " + log);
        } finally {
            // The hub first (a SIGTERM, as Ctrl-C's stop is), then Maven, which returns once its child has ended.
            hubJvmOf(maven).ifPresent(ProcessHandle::destroy);
            if (!maven.waitFor(60, TimeUnit.SECONDS)) {
                maven.descendants().forEach(ProcessHandle::destroyForcibly);
                maven.destroyForcibly().waitFor();
            }
        }
    }

    private static ProcessHandle hubJvm(Process maven) {
        return hubJvmOf(maven).orElseThrow(() -> new AssertionError("no hub JVM under Maven's process " + maven.pid()));
    }

    /** The one JVM the run goal forks (Linux shows a child's command, not its whole argument list). */
    private static Optional<ProcessHandle> hubJvmOf(Process maven) {
        return maven.children().filter(child -> child.info().command().orElse("").endsWith("java")).findFirst();
    }

    private static double between(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
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
