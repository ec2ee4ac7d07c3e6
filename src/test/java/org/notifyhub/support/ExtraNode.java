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

    /** Properties that point another node at the same database, queues, object store and FTP server as this one. */
    public static Map<String, Object> sharingInfrastructureOf(Environment first) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String key : new String[] {"spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "notify.sqs.endpoint", "notify.sqs.region", "notify.sqs.access-key", "notify.sqs.secret-key",
                "notify.s3.endpoint", "notify.s3.region", "notify.s3.access-key", "notify.s3.secret-key",
                "notify.dvla.ftp.host", "notify.dvla.ftp.port", "notify.dvla.ftp.username", "notify.dvla.ftp.password",
                "notify.secret-key"}) {
            properties.put(key, first.getProperty(key));
        }
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
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NotifyHubApplication.class.getName(),
                "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Files.createDirectories(Path.of("target", "extra-nodes")).resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ExtraNode node = new ExtraNode(process, port);
        node.awaitHealthy(log);
        return node;
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
