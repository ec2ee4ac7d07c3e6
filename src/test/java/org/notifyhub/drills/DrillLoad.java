package org.notifyhub.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices.TestService;

/**
 * A steady load of POST /v2/notifications/sms and /email (one in four an email) at a fixed rate, as a service would
 * send: each request has its own reference, none is retried, and every answer is kept (status, or the connection
 * failing while a node is down) with the ids of the 201s. Recipients are never Notify's simulated ones
 * (07700900000, 07700900111, 07700900222), which are answered 201 and, by design, never stored.
 */
final class DrillLoad implements AutoCloseable {

    /** Refused connections and timeouts: a client sees no answer at all. */
    static final int NO_ANSWER = 0;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(StubProviders.daemon("drill-load"));
    private final ExecutorService senders = Executors.newFixedThreadPool(32, StubProviders.daemon("drill-sender"));
    private final String baseUrl;
    private final TestService service;
    private final String runId;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> createdAtMillis = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();

    DrillLoad(String baseUrl, TestService service, String runId) {
        this.baseUrl = baseUrl;
        this.service = service;
        this.runId = runId;
    }

    /** Starts sending this many requests a second until {@link #stop()}. */
    DrillLoad start(int perSecond) {
        long periodMicros = 1_000_000L / perSecond;
        ticker.scheduleAtFixedRate(() -> {
            inFlight.incrementAndGet();
            senders.execute(this::sendOne);
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        return this;
    }

    /** Stops sending and waits for the answers of requests already made. */
    void stop() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 30_000;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    private void sendOne() {
        long n = sequence.incrementAndGet();
        boolean email = n % 4 == 0;
        String reference = runId + "-" + n;
        String body = email
                ? "{\"email_address\":\"drill+" + n + "@example.com\",\"template_id\":\"" + service.emailTemplate()
                  + "\",\"personalisation\":{\"name\":\"Drill\"},\"reference\":\"" + reference + "\"}"
                : "{\"phone_number\":\"07700900" + (300 + n % 500) + "\",\"template_id\":\"" + service.smsTemplate()
                  + "\",\"personalisation\":{\"name\":\"Drill\"},\"reference\":\"" + reference + "\"}";
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/notifications/" + (email ? "email" : "sms")))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + Jwt.forKey(service.normalKey()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status == 201) {
                JsonNode json = mapper.readTree(response.body());
                String id = json.path("id").asText();
                created.add(id);
                createdAtMillis.put(id, System.currentTimeMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = NO_ANSWER;
        } catch (Exception e) {
            status = NO_ANSWER;
        } finally {
            inFlight.decrementAndGet();
        }
        answers.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
    }

    long requests() {
        return answers.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long answered(int status) {
        AtomicLong count = answers.get(status);
        return count == null ? 0 : count.get();
    }

    /** Every answer by status (0: no answer). */
    Map<Integer, Long> answers() {
        Map<Integer, Long> copy = new TreeMap<>();
        answers.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    Set<String> created() {
        return Set.copyOf(created);
    }

    /** 201s answered after this instant (epoch millis). */
    long createdAfter(long epochMillis) {
        return createdAtMillis.values().stream().filter(at -> at > epochMillis).count();
    }

    TestService service() {
        return service;
    }

    String runId() {
        return runId;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        senders.shutdownNow();
    }
}
