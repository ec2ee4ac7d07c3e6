package org.notifyhub.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.notifyhub.delivery.SimulatedSesEvents;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Firetext and SES as the drills need them: each accepted send is counted per notification (Firetext's reference,
 * SES's notification_id message tag) and answered with a delivery receipt through the hub's real receipt paths (a
 * Firetext POST to the node, an SES event with the notification_id tag on the ses-callbacks queue, as SNS → SQS puts
 * it there). Faults are set
 * per run: a share of 500s, of 429s (SES: throttling), of calls that are taken but answered too late, and a latency.
 */
final class StubProviders implements AutoCloseable {

    static final String FIRETEXT_PATH = "/firetext/api/sendsms/json";
    static final String FIRETEXT_KEY = "drill-firetext-key";
    private static final String ACCEPTED = "{\"code\":0,\"description\":\"SMS successfully queued\"}";
    private static final DateTimeFormatter FIRETEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What the stub does with the next sends. */
    record Faults(double serverErrors, double throttles, double lateAnswers, Duration lateBy, Duration latency,
                  double slowShare) {
        static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, Duration.ZERO, 0);
    }

    private final HttpServer server;
    private final SimulatedSesEvents sesEvents = new SimulatedSesEvents(new ObjectMapper(), Clock.systemUTC());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService receipts = Executors.newScheduledThreadPool(4, daemon("stub-receipts"));
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Supplier<String> hubBaseUrl;
    private final SqsClient sqs;
    private final String sesCallbacksQueueName;
    private volatile String sesCallbacksQueueUrl;
    private volatile Faults faults = Faults.NONE;
    private volatile String refusedNumber;

    StubProviders(Supplier<String> hubBaseUrl, SqsClient sqs, String sesCallbacksQueueName) throws IOException {
        this.hubBaseUrl = hubBaseUrl;
        this.sqs = sqs;
        this.sesCallbacksQueueName = sesCallbacksQueueName;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newCachedThreadPool(daemon("stub-provider")));
        server.createContext(FIRETEXT_PATH, exchange -> handle(exchange, this::firetext));
        // SES's query API posts to the endpoint's root whatever path it is given.
        server.createContext("/", exchange -> handle(exchange, this::ses));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void faults(Faults faults) {
        this.faults = faults;
    }

    /** Every send to this number (as Firetext gets it, e.g. 447700900999) is refused with a 500, whatever the faults. */
    void refuseEverySendTo(String number) {
        this.refusedNumber = number;
    }

    /** Sends the provider took for this notification (a send it answered too late counts: it was taken). */
    int acceptedFor(String notificationId) {
        AtomicInteger count = accepted.get(notificationId);
        return count == null ? 0 : count.get();
    }

    /** Every call made for this notification, refused ones too. */
    int attemptsFor(String notificationId) {
        AtomicInteger count = attempts.get(notificationId);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> acceptedCounts() {
        Map<String, Integer> copy = new HashMap<>();
        accepted.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }

    private record Answer(int status, String contentType, String body, Duration after) {
    }

    private interface Handler {
        Answer handle(Map<String, String> form) throws Exception;
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer answer;
            try {
                answer = handler.handle(form);
            } catch (Exception e) {
                answer = new Answer(500, "text/plain", "stub failed: " + e, Duration.ZERO);
            }
            sleep(answer.after());
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException callerGaveUp) {
            // The hub stopped waiting (its timeout) or died: what was taken stays taken.
        }
    }

    private Answer firetext(Map<String, String> form) {
        String id = form.get("reference");
        if (!FIRETEXT_KEY.equals(form.get("apiKey"))) {
            return new Answer(200, "application/json", "{\"code\":1,\"description\":\"Authentication failed\"}", Duration.ZERO);
        }
        String mobile = form.getOrDefault("to", "");
        Answer refused = fault(id, mobile.equals(refusedNumber), "application/json", "{\"code\":1,\"description\":\"Internal error\"}",
                "{\"code\":1,\"description\":\"Rate limited\"}");
        if (refused != null) {
            return refused;
        }
        accept(id);
        schedule(() -> postFiretextReceipt(id, mobile));
        return new Answer(200, "application/json", ACCEPTED, answerDelay());
    }

    private Answer ses(Map<String, String> form) throws Exception {
        if (!"SendRawEmail".equals(form.get("Action"))) {
            return new Answer(400, "text/xml", sesError("InvalidAction", "Only SendRawEmail"), Duration.ZERO);
        }
        String raw = new String(Base64.getMimeDecoder().decode(form.getOrDefault("RawMessage.Data", "")), StandardCharsets.UTF_8);
        String id = tag(raw);
        Answer refused = fault(id, false, "text/xml", sesError("InternalFailure", "Stub failure"), sesError("Throttling", "Maximum sending rate exceeded."));
        if (refused != null) {
            return refused;
        }
        accept(id);
        String messageId = UUID.randomUUID().toString();
        schedule(() -> queueSesDelivery(messageId, id));
        return new Answer(200, "text/xml", "<SendRawEmailResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\">"
                + "<SendRawEmailResult><MessageId>" + messageId + "</MessageId></SendRawEmailResult>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></SendRawEmailResponse>",
                answerDelay());
    }

    /** Counts the call; the refusal it draws (always a server error when {@code refusedAlways}), or null when taken. */
    private Answer fault(String id, boolean refusedAlways, String contentType, String serverError, String throttled) {
        attempts.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        Faults now = faults;
        double draw = ThreadLocalRandom.current().nextDouble();
        if (refusedAlways || draw < now.serverErrors()) {
            return new Answer(500, contentType, serverError, Duration.ZERO);
        }
        if (draw < now.serverErrors() + now.throttles()) {
            return new Answer(contentType.equals("text/xml") ? 400 : 429, contentType, throttled, Duration.ZERO);
        }
        return null;
    }

    private void accept(String id) {
        accepted.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    }

    private Duration answerDelay() {
        Faults now = faults;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < now.lateAnswers()) {
            return now.lateBy();
        }
        return random.nextDouble() < now.slowShare() ? now.latency() : Duration.ZERO;
    }

    private static String tag(String rawMessage) {
        for (String line : rawMessage.split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "X-SES-MESSAGE-TAGS:", 0, 19)) {
                for (String pair : line.substring(19).split(",")) {
                    String[] kv = pair.trim().split("=", 2);
                    if (kv.length == 2 && kv[0].equals("notification_id")) {
                        return kv[1].trim();
                    }
                }
            }
        }
        return "untagged";
    }

    private static String sesError(String code, String message) {
        return "<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
    }

    /** Receipts keep trying until the hub takes them: a node may be down for a while in a drill. */
    private void schedule(Attempt receipt) {
        receipts.schedule(() -> retry(receipt, Instant.now().plus(Duration.ofMinutes(10))), 500, TimeUnit.MILLISECONDS);
    }

    private interface Attempt {
        boolean run() throws Exception;
    }

    private void retry(Attempt receipt, Instant giveUpAt) {
        boolean done;
        try {
            done = receipt.run();
        } catch (Exception e) {
            done = false;
        }
        if (!done && Instant.now().isBefore(giveUpAt)) {
            receipts.schedule(() -> retry(receipt, giveUpAt), 1, TimeUnit.SECONDS);
        }
    }

    private boolean postFiretextReceipt(String id, String mobile) throws Exception {
        String body = "status=0&code=000&reference=" + encode(id) + "&mobile=" + encode(mobile)
                + "&time=" + encode(FIRETEXT_TIME.format(LocalDateTime.now(ZoneOffset.UTC)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(hubBaseUrl.get() + "/notifications/sms/firetext"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private boolean queueSesDelivery(String messageId, String notificationId) {
        String envelope = sesEvents.snsEnvelopeFor(messageId, "drill@notifications.service.gov.uk", "someone@example.com", notificationId);
        if (sesCallbacksQueueUrl == null) {
            sesCallbacksQueueUrl = sqs.getQueueUrl(b -> b.queueName(sesCallbacksQueueName)).queueUrl();
        }
        sqs.sendMessage(b -> b.queueUrl(sesCallbacksQueueUrl).messageBody(envelope));
        return true;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        receipts.shutdownNow();
    }
}
