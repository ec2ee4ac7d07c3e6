package org.notifyhub.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.notifyhub.NotifyHubApplication;
import org.springframework.core.env.Environment;

/**
 * Another hub node, run as its own JVM as in production: nodes share nothing but the database, queues and object
 * store (Quartz, for one, keeps process-wide state that two nodes in one JVM would trample).
 */
public final class ExtraNode implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;

    private ExtraNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Properties that point another node at the same database, queues, object store and DVLA server as this one, with
     * its secrets and its simulated email and SMS providers: a node given real servers must be given every part.
     */
    public static Map<String, Object> sharingInfrastructureOf(Environment first) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String key : new String[] {"spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "notify.sqs.endpoint", "notify.sqs.region", "notify.sqs.access-key", "notify.sqs.secret-key",
                "notify.s3.endpoint", "notify.s3.region", "notify.s3.access-key", "notify.s3.secret-key",
                "notify.dvla.protocol", "notify.dvla.ftp.host", "notify.dvla.ftp.port", "notify.dvla.ftp.username",
                "notify.dvla.ftp.password", "notify.dvla.sftp.known-hosts",
                "notify.secret-key", "notify.admin.client-secrets", "notify.email.provider"}) {
            properties.put(key, first.getProperty(key));
        }
        properties.put("notify.sms.simulated", true);
        properties.put("server.address", "127.0.0.1");
        return properties;
    }

    /** Starts a node with these settings (as command-line arguments, which outrank application.yml) and waits until healthy. */
    public static ExtraNode start(String name, Map<String, Object> properties) throws Exception {
        // A quick start matters more in tests than the code the JIT's later tiers would make.
        return start(name, properties, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
    }

    /** As {@link #start(String, Map)}, with these JVM options (a benchmark's node wants the full JIT). */
    public static ExtraNode start(String name, Map<String, Object> properties, List<String> jvmOptions) throws Exception {
        return start(name, freePort(), properties, jvmOptions);
    }

    /** As {@link #start(String, Map, List)}, listening on this port (a node restarted where its clients expect it). */
    public static ExtraNode start(String name, int port, Map<String, Object> properties, List<String> jvmOptions) throws Exception {
        Path log = log(name);
        Process process = launch(command(port, properties, jvmOptions), log);
        ExtraNode node = new ExtraNode(process, port);
        node.awaitHealthy(log);
        return node;
    }

    /**
     * Starts a node configured only by these environment variables (SERVER_PORT among them: {@code port} is where
     * it is awaited), as an operator starts one, and waits until it is ready.
     */
    public static ExtraNode startWithEnvironment(String name, int port, Map<String, String> environment,
                                                 List<String> jvmOptions) throws Exception {
        Path log = log(name);
        ProcessBuilder builder = new ProcessBuilder(command(0, Map.of(), jvmOptions));
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ExtraNode node = new ExtraNode(process, port);
        try {
            node.awaitHealthy(log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
        return node;
    }

    /** What a node that must refuse to start did: its exit code and everything it printed. */
    public record Exit(int code, String output) {
    }

    /** Starts a node with these settings (operator-style environment variables) expecting it to exit by itself. */
    public static Exit runUntilExit(String name, Map<String, String> environment) throws Exception {
        Path log = log(name);
        ProcessBuilder builder = new ProcessBuilder(command(freePort(), Map.of(), List.of("-XX:TieredStopAtLevel=1")));
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("Node did not exit; see " + log.toAbsolutePath());
        }
        return new Exit(process.exitValue(), Files.readString(log));
    }

    private static List<String> command(int port, Map<String, Object> properties, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NotifyHubApplication.class.getName()));
        if (port > 0) {
            command.add("--server.port=" + port);
        }
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return command;
    }

    private static Path log(String name) throws IOException {
        return Files.createDirectories(Path.of("target", "extra-nodes")).resolve(name + ".log");
    }

    private static Process launch(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int status(String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        request = "POST".equals(method) ? request.POST(HttpRequest.BodyPublishers.ofString("{}")) : request.GET();
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** SIGTERM, as a platform stops a node, and waits as long as it takes the node to exit by itself. */
    public void terminate() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** A graceful stop (SIGTERM), as an operator's would be: Spring closes the node and its embedded servers. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The node dies at once (SIGKILL), mid-work, as a crashed machine would: nothing is closed or finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void awaitHealthy(Path log) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Extra node exited during startup; see " + log.toAbsolutePath());
            }
            try {
                // Readiness follows ApplicationReadyEvent, so start-up work (the demo bootstrap) is done by then.
                if (status("GET", "/actuator/health/readiness") == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Extra node not healthy within " + STARTUP_TIMEOUT + "; see " + log.toAbsolutePath());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
