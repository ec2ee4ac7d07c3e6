package org.notifyhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ speaking the SQS API on a free loopback port. */
final class LocalSqs implements LocalServer {

    private final SQSRestServer server;
    private final int port;

    private LocalSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** queues: created at once, so the hub's consumers find them rather than each creating its own as it starts. */
    static LocalSqs start(int port, Collection<String> queues) {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withAWSRegion(LocalDefaults.REGION)
                .start();
        server.waitUntilStarted();
        createQueues(port, queues);
        return new LocalSqs(server, port);
    }

    private static void createQueues(int port, Collection<String> queues) {
        HttpClient http = HttpClient.newHttpClient();
        for (String queue : queues) {
            HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=CreateQueue&Version=2012-11-05&QueueName="
                            + URLEncoder.encode(queue, StandardCharsets.UTF_8)))
                    .build();
            try {
                HttpResponse<String> response = http.send(create, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("ElasticMQ would not create " + queue + ": " + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("ElasticMQ would not create " + queue, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted creating " + queue, e);
            }
        }
    }

    @Override
    public Map<String, Object> properties() {
        return properties(port);
    }

    static Map<String, Object> properties(int port) {
        return Map.of(
                "notify.sqs.endpoint", "http://127.0.0.1:" + port,
                "notify.sqs.region", LocalDefaults.REGION,
                "notify.sqs.access-key", LocalDefaults.ACCESS_KEY,
                "notify.sqs.secret-key", LocalDefaults.SECRET_KEY,
                // ElasticMQ shares this machine's CPU, where every call costs: one batch call per queue at a time keeps
                // the batches full. Against SQS, where a call mostly waits 10-30 ms, the default of two pays better.
                "notify.sqs.batches-in-flight", 1);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
