package org.notifyhub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.notifyhub.support.Jwt;

/**
 * The harness's HTTP load: a closed loop (N threads, each sending its next request when the last one answered) and an
 * open loop (requests started on a fixed schedule whatever the answers, latency measured from the intended start, so
 * a stalled server cannot hide its queueing). Requests go through java.net.http on HTTP/1.1, as a client library's
 * would; tokens are Notify JWTs, re-signed every few seconds as the official clients' per-request tokens would be.
 */
final class LoadGenerator implements AutoCloseable {

    /** One kind of request: a path, the key that signs its tokens (null: none), and the body for request number n. */
    record Target(String name, String method, String path, String apiKey, LongFunction<String> body, int expectedStatus) {

        static Target get(String name, String path) {
            return new Target(name, "GET", path, null, n -> null, 200);
        }

        static Target email(String apiKey, UUID template) {
            return new Target("email", "POST", "/v2/notifications/email", apiKey, n -> """
                    {"email_address":"bench-%d@example.com","template_id":"%s","personalisation":{"name":"Bench %d"},\
                    "reference":"bench-%d"}""".formatted(n, template, n, n), 201);
        }

        static Target sms(String apiKey, UUID template) {
            return new Target("sms", "POST", "/v2/notifications/sms", apiKey, n -> """
                    {"phone_number":"07800%06d","template_id":"%s","personalisation":{"name":"Bench %d"},\
                    "reference":"bench-%d"}""".formatted(n % 1_000_000, template, n, n), 201);
        }
    }

    record ClosedLoopResult(String target, int concurrency, long ok, long failed, double seconds, String firstFailure) {
        double perSecond() {
            return ok / seconds;
        }
    }

    record OpenLoopResult(String target, double rate, long started, long ok, long failed, double seconds, double p50Ms,
                          double p99Ms, double maxMs, String firstFailure) {
    }

    private final String baseUrl;
    private final ExecutorService clientExecutor = Executors.newFixedThreadPool(8, daemon("bench-http"));
    private final HttpClient http;
    private final AtomicLong sequence = new AtomicLong();
    /** Requests answered with their expected status, across every run: the sampler reads it as "accepted so far". */
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicReference<SignedToken> token = new AtomicReference<>();

    private record SignedToken(String key, String bearer, long signedAtNanos) {
    }

    LoadGenerator(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientExecutor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    long accepted() {
        return accepted.get();
    }

    /** {@code concurrency} threads alternate over {@code targets}; only answers inside the measured window count. */
    ClosedLoopResult closedLoop(List<Target> targets, int concurrency, Duration warmUp, Duration measured) throws Exception {
        long start = System.nanoTime();
        long windowStart = start + warmUp.toNanos();
        long end = windowStart + measured.toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Target target = targets.get(t % targets.size());
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = sequence.incrementAndGet();
                    String failure;
                    try {
                        HttpResponse<String> response = http.send(request(target, n), HttpResponse.BodyHandlers.ofString());
                        failure = response.statusCode() == target.expectedStatus() ? null
                                : response.statusCode() + " " + abbreviate(response.body());
                    } catch (Exception e) {
                        failure = e.toString();
                    }
                    long now = System.nanoTime();
                    if (failure == null) {
                        accepted.incrementAndGet();
                    }
                    if (now >= windowStart && now < end) {
                        (failure == null ? ok : failed).incrementAndGet();
                    }
                    if (failure != null) {
                        firstFailure.compareAndSet(null, failure);
                    }
                }
            }, "bench-closed-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new ClosedLoopResult(names(targets), concurrency, ok.get(), failed.get(), measured.toNanos() / 1e9,
                firstFailure.get());
    }

    /** Closed loop until {@code count} requests were accepted (a backlog to drain later). */
    long fill(List<Target> targets, int concurrency, long count, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        AtomicLong remaining = new AtomicLong(count);
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Target target = targets.get(t % targets.size());
            Thread thread = new Thread(() -> {
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    try {
                        HttpResponse<Void> response = http.send(request(target, sequence.incrementAndGet()),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == target.expectedStatus()) {
                            accepted.incrementAndGet();
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not done
                    }
                }
            }, "bench-fill-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get();
    }

    /**
     * Starts request i at {@code start + i / rate}, alternating over {@code targets}, for {@code duration}. At most
     * {@code maxOutstanding} requests are open at once; when the server falls that far behind, later requests start
     * late, and their latency still counts from the time they were due.
     */
    OpenLoopResult openLoop(List<Target> targets, double rate, Duration duration, int maxOutstanding) throws Exception {
        int expected = (int) Math.ceil(rate * duration.toNanos() / 1e9) + 1;
        long[] latencies = new long[expected];
        AtomicLong recorded = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Semaphore outstanding = new Semaphore(maxOutstanding);
        double intervalNanos = 1e9 / rate;
        long start = System.nanoTime() + 50_000_000L;
        long end = start + duration.toNanos();
        long started = 0;
        for (long i = 0; ; i++) {
            long due = start + (long) (i * intervalNanos);
            if (due >= end || started >= expected) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            outstanding.acquire();
            Target target = targets.get((int) (i % targets.size()));
            started++;
            http.sendAsync(request(target, sequence.incrementAndGet()), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long latency = System.nanoTime() - due;
                        String failure = error != null ? error.toString()
                                : response.statusCode() == target.expectedStatus() ? null
                                : response.statusCode() + " " + abbreviate(response.body());
                        if (failure == null) {
                            accepted.incrementAndGet();
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, failure);
                        }
                        int slot = (int) recorded.getAndIncrement();
                        if (slot < latencies.length) {
                            latencies[slot] = latency;
                        }
                        outstanding.release();
                    });
        }
        if (!outstanding.tryAcquire(maxOutstanding, 60, TimeUnit.SECONDS)) {
            firstFailure.compareAndSet(null, "requests still open 60 s after the schedule ended");
        }
        outstanding.release(maxOutstanding);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] measuredLatencies = Arrays.copyOf(latencies, (int) Math.min(recorded.get(), latencies.length));
        Arrays.sort(measuredLatencies);
        return new OpenLoopResult(names(targets), rate, started, ok.get(), failed.get(), seconds,
                percentileMillis(measuredLatencies, 0.50), percentileMillis(measuredLatencies, 0.99),
                percentileMillis(measuredLatencies, 1.0), firstFailure.get());
    }

    private HttpRequest request(Target target, long n) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + target.path()))
                .timeout(Duration.ofSeconds(30));
        if (target.apiKey() != null) {
            request.header("Authorization", "Bearer " + bearer(target.apiKey()));
        }
        String body = target.body().apply(n);
        if (body == null) {
            return request.method(target.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(target.method(), HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A token signed at most 5 s ago (the hub accepts an iat within 30 s): signing is the client's cost, not the hub's. */
    private String bearer(String apiKey) {
        SignedToken current = token.get();
        long now = System.nanoTime();
        if (current == null || !current.key().equals(apiKey) || now - current.signedAtNanos() > 5_000_000_000L) {
            current = new SignedToken(apiKey, Jwt.forKey(apiKey), now);
            token.set(current);
        }
        return current.bearer();
    }

    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(p * sortedNanos.length) - 1));
        return sortedNanos[index] / 1e6;
    }

    private static String names(List<Target> targets) {
        return String.join("+", targets.stream().map(Target::name).distinct().toList());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        clientExecutor.shutdownNow();
    }
}
