package org.notifyhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.Jwt;
import org.notifyhub.support.TestServices;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not part of the suite (the name ends in Benchmark): the CPU an accepted POST /v2/notifications/{email,sms}
 * costs. Closed-loop load from a Java HttpClient (concurrency -Dbench.concurrency, default 16; -Dbench.sends per
 * channel, default 4,000) against the hub on its embedded servers, with the worker routes stopped so only the API
 * uses the CPU, under a JFR recording (target/benchmarks/send-hot-path.jfr). Rates and latencies go to
 * target/benchmarks/send-hot-path.md; read the hot frames with
 * {@code jfr print --events jdk.ExecutionSample target/benchmarks/send-hot-path.jfr}.
 */
class SendHotPathBenchmark extends HubIntegrationTest {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int SENDS = Integer.getInteger("bench.sends", 4000);
    private static final String EMAIL_CONTENT = """
            Dear ((name)),

            Your application ((reference)) has been received and will be processed within 10 working days.

            ^ Bring your passport and a proof of address to your appointment.

            What happens next:

            * we check your documents
            * we contact you if we need anything else
            * we send you a decision by post

            You can check progress at https://www.gov.uk/check-progress or call 0300 123 4567, Monday to Friday,
            8am to 6pm.

            ---

            The Example Office""";

    @Autowired
    private CamelContext camel;

    @Autowired
    private TemplateRepository templates;

    private record Run(String channel, int sends, double perSecond, double p50Ms, double p99Ms) {
    }

    @Test
    void acceptedSendsUnderAProfile() throws Exception {
        TestServices.TestService service = testServices.create(false, List.of("email", "sms"));
        testServices.setRateLimit(service.id(), 100_000_000);
        testServices.setDailyLimit(service.id(), "email", 100_000_000);
        testServices.setDailyLimit(service.id(), "sms", 100_000_000);
        UUID email = UUID.randomUUID();
        templates.insert(email, service.id(), "Bench email", "email", "Your application ((reference))", EMAIL_CONTENT,
                TestServices.SYSTEM_USER);
        List<String> stopped = stopWorkers();
        try {
            String emailBody = "{\"template_id\": \"" + email + "\", \"email_address\": \"ada.lovelace@example.com\","
                    + " \"personalisation\": {\"name\": \"Ada\", \"reference\": \"ABC-123\"}, \"reference\": \"r1\"}";
            String smsBody = "{\"template_id\": \"" + service.smsTemplate() + "\", \"phone_number\": \"07700 900123\","
                    + " \"personalisation\": {\"name\": \"Ada\"}}";
            // Most of the path is the same for both channels and the JIT takes thousands of sends to settle: warmed
            // in turns, so the channel measured first does not pay for the other's warm-up.
            for (int turn = 0; turn < 2; turn++) {
                load("email", service.normalKey(), emailBody, SENDS / 2);
                load("sms", service.normalKey(), smsBody, SENDS / 2);
            }

            Path out = Files.createDirectories(Path.of("target", "benchmarks"));
            List<Run> runs = new ArrayList<>();
            try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                recording.setDestination(out.resolve("send-hot-path.jfr"));
                recording.start();
                runs.add(load("email", service.normalKey(), emailBody, SENDS));
                runs.add(load("sms", service.normalKey(), smsBody, SENDS));
                recording.stop();
            }
            StringBuilder table = new StringBuilder("| channel | sends | accepted/s | p50 ms | p99 ms |\n|---|---|---|---|---|\n");
            for (Run run : runs) {
                table.append(String.format("| %s | %d | %.0f | %.1f | %.1f |%n", run.channel(), run.sends(),
                        run.perSecond(), run.p50Ms(), run.p99Ms()));
            }
            Files.writeString(out.resolve("send-hot-path.md"), "Concurrency " + CONCURRENCY + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, worker routes stopped.\n\n" + table);
            System.out.println(table);
        } finally {
            for (String id : stopped) {
                camel.getRouteController().startRoute(id);
            }
        }
    }

    private List<String> stopWorkers() throws Exception {
        List<String> stopped = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint().getEndpointUri().startsWith("aws2-sqs")
                    && camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted()) {
                camel.getRouteController().stopRoute(route.getRouteId());
                stopped.add(route.getRouteId());
            }
        }
        return stopped;
    }

    private Run load(String channel, String key, String body, int sends) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        URI uri = URI.create(baseUrl() + "/v2/notifications/" + channel);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[sends];
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            workers.add(pool.submit(() -> {
                String token = Jwt.forKey(key);
                Instant signed = Instant.now();
                int i;
                while ((i = next.getAndIncrement()) < sends) {
                    if (Duration.between(signed, Instant.now()).toSeconds() > 10) {
                        token = Jwt.forKey(key);
                        signed = Instant.now();
                    }
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - sent;
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        java.util.Arrays.sort(latencies);
        return new Run(channel, sends, sends / seconds, latencies[sends / 2] / 1e6, latencies[(int) (sends * 0.99)] / 1e6);
    }
}
