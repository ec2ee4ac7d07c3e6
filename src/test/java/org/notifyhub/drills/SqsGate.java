package org.notifyhub.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hub's way to the queue server (ElasticMQ, SQS's JSON protocol): an HTTP proxy on a loopback port that can go
 * down (connections refused, as when the server is away) and can deliver a share of received messages twice, as
 * SQS's at-least-once delivery may.
 */
final class SqsGate implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String target;
    private final int port;
    private final AtomicLong duplicated = new AtomicLong();
    private final Map<String, Queue<JsonNode>> secondCopies = new ConcurrentHashMap<>();
    private volatile double duplicateShare;
    private HttpServer server;
    private ExecutorService threads;

    SqsGate(String target, int port) throws IOException {
        this.target = target;
        this.port = port;
        open();
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Received messages delivered a second time in the same answer, from now on (0 for none). */
    void duplicateReceives(double share) {
        this.duplicateShare = share;
    }

    long duplicated() {
        return duplicated.get();
    }

    /** The queue server is away: open connections are dropped, new ones refused. */
    synchronized void shut() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    /** The queue server is back, on the same port. */
    synchronized void open() throws IOException {
        if (server != null) {
            return;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException stillClosing) {
                last = stillClosing;
                sleep(100);
            }
        }
        if (server == null) {
            throw last;
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sqs-gate");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] answer = response.body();
            String action = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (response.statusCode() == 200 && "AmazonSQS.ReceiveMessage".equals(action) && duplicateShare > 0) {
                answer = withDuplicates(body, answer);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** Some of this answer's messages come again in a later answer for the same queue, as SQS's second copies do. */
    private byte[] withDuplicates(byte[] request, byte[] answer) throws IOException {
        JsonNode parsed = mapper.readTree(answer);
        if (!(parsed instanceof ObjectNode root)) {
            return answer;
        }
        String queueUrl = mapper.readTree(request).path("QueueUrl").asText();
        Queue<JsonNode> pending = secondCopies.computeIfAbsent(queueUrl, url -> new ConcurrentLinkedQueue<>());
        ArrayNode messages = root.get("Messages") instanceof ArrayNode received ? received : mapper.createArrayNode();
        for (JsonNode message : messages) {
            if (ThreadLocalRandom.current().nextDouble() < duplicateShare) {
                pending.add(message.deepCopy());
            }
        }
        for (JsonNode copy = pending.poll(); copy != null; copy = pending.poll()) {
            messages.add(copy);
            duplicated.incrementAndGet();
        }
        root.set("Messages", messages);
        return mapper.writeValueAsBytes(root);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shut();
    }
}
