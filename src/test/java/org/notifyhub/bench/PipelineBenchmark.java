package org.notifyhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.notifyhub.bench.BenchReport.Row;
import org.notifyhub.bench.LoadGenerator.ClosedLoopResult;
import org.notifyhub.bench.LoadGenerator.OpenLoopResult;
import org.notifyhub.bench.LoadGenerator.Target;
import org.notifyhub.bench.PipelineSampler.Sample;
import org.notifyhub.common.Encryption;
import org.notifyhub.delivery.SimulatorFaultSwitches;
import org.notifyhub.services.CallbackType;
import org.notifyhub.support.ExtraNode;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Issue 11's harness, not part of the suite (the name ends in Benchmark): the hub on its embedded servers, all roles
 * on one node, measured in one run side by side with what the same PostgreSQL, ElasticMQ and HTTP stack manage on
 * their own. Writes target/benchmarks/pipeline.{md,json,png}. Run and rows: README "Benchmark: the delivery
 * pipeline". Each phase sends as its own service (limits raised), so no phase counts another's leftovers.
 */
class PipelineBenchmark extends HubIntegrationTest {

    private static final Duration WARM_UP = Duration.ofSeconds(seconds("bench.warmup-seconds", 2));
    private static final Duration STEP = Duration.ofSeconds(seconds("bench.seconds", 6));
    private static final Duration P1_WARM_UP = Duration.ofSeconds(seconds("bench.p1.warmup-seconds", 20));
    private static final Duration P6_LOAD = Duration.ofSeconds(seconds("bench.p6.seconds", 20));
    private static final Duration P7_WINDOW = Duration.ofSeconds(seconds("bench.p7.seconds", 15));
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(seconds("bench.drain-timeout-seconds", 60));
    private static final Duration SOAK = Duration.ofSeconds(Math.round(
            Double.parseDouble(System.getProperty("bench.soak.minutes", "3")) * 60));
    private static final int[] CONCURRENCY = {8, 16, 32};
    private static final Duration PROVIDER_LATENCY = Duration.ofMillis(200);
    private static final Path OUT = Path.of("target", "benchmarks");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private SqsClient sqs;
    @Autowired
    private CamelContext camel;
    @Autowired
    private SimulatorFaultSwitches simulator;
    @Autowired
    private Encryption encryption;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private Environment environment;
    @Value("${notify.queues.send-email-tasks}")
    private String sendEmailQueue;
    @Value("${notify.queues.send-sms-tasks}")
    private String sendSmsQueue;
    @Value("${notify.queues.ses-callbacks}")
    private String sesCallbacksQueue;
    @Value("${notify.queues.sms-callbacks}")
    private String smsCallbacksQueue;
    @Value("${notify.queues.service-callbacks}")
    private String serviceCallbacksQueue;
    @Value("${spring.datasource.hikari.maximum-pool-size}")
    private int poolSize;

    private final BenchReport report = new BenchReport();

    @Test
    void deliveryPipeline() throws Exception {
        Instant started = Instant.now();
        String loadAtStart = loadAverage();
        try (LoadGenerator load = new LoadGenerator(baseUrl());
             CallbackCounter callbacks = new CallbackCounter();
             PipelineSampler sampler = new PipelineSampler(jdbc, sqs, List.of(sendEmailQueue, sendSmsQueue,
                     sesCallbacksQueue, smsCallbacksQueue, serviceCallbacksQueue), load::accepted, callbacks::received)) {

            try {
                runPhases(load, callbacks, sampler, started);
            } finally {
                // Whatever was measured is written, even when a phase failed.
                sampler.pause();
                String loadAtEnd = loadAverage();
                report.detail("started", started.toString());
                report.detail("finished", Instant.now().toString());
                report.detail("load_average_start", loadAtStart);
                report.detail("load_average_end", loadAtEnd);
                report.detail("processors", Runtime.getRuntime().availableProcessors());
                report.detail("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
                report.detail("db_pool_size", poolSize);
                report.note("Load average (1/5/15 min) at the start " + loadAtStart + ", at the end " + loadAtEnd + "; "
                        + Runtime.getRuntime().availableProcessors() + " processors. Hub, embedded servers and load"
                        + " generator share one JVM.");
                String heading = "Delivery pipeline benchmark, " + started.truncatedTo(ChronoUnit.SECONDS) + " ("
                        + Duration.between(started, Instant.now()).toSeconds() + " s)";
                report.write(OUT, heading, sampler.samples());
                System.out.println(report.markdown(heading));
            }
        }
        if (System.getProperty("bench.only", "").isBlank()) {
            assertThat(report.rows()).extracting(Row::id)
                    .contains("B_ins", "B_http", "B_sqs", "P1", "P2", "limits", "P6", "P7", "P12");
        }
        assertThat(OUT.resolve("pipeline.png")).isNotEmptyFile();
    }

    /** The phases in order; the fold-ins last, as JobProcessingBenchmark leaves deliver-sms stopped. */
    private void runPhases(LoadGenerator load, CallbackCounter callbacks, PipelineSampler sampler, Instant started)
            throws Exception {
        double bHttp = 0;
        Map<String, ClosedLoopResult> bestP1 = Map.of(
                "email", new ClosedLoopResult("email", 32, 0, 0, 1, null),
                "sms", new ClosedLoopResult("sms", 32, 0, 0, 1, null));
        if (runs("B")) {
            baselines(load);
            bHttp = report.rows().stream().filter(r -> r.id().equals("B_http")).mapToDouble(Row::value).max().orElse(0);
        }
        if (runs("P1")) {
            try (Recording recording = profile("P1")) {
                bestP1 = acceptance(load, bHttp);
            }
        }
        if (runs("P2")) {
            latencies(load, bestP1);
        }
        if (runs("limits")) {
            twoApiNodes(load, bestP1.get("email"));
        }
        double p1Mixed = (bestP1.get("email").perSecond() + bestP1.get("sms").perSecond()) / 2;
        int bestConcurrency = bestP1.get("email").concurrency();

        if (runs("P6")) {
            try (Recording recording = profile("P6")) {
                endToEnd(load, callbacks, sampler, bestConcurrency, p1Mixed);
            }
        }
        if (runs("P7")) {
            slowProvider(load, sampler);
        }
        if (runs("P12")) {
            soak(load, callbacks, sampler, p1Mixed > 0 ? p1Mixed / 2 : 100);
        }
        sampler.pause();

        if ("run".equals(System.getProperty("bench.fold-in"))) {
            FoldedBenchmarks.run(context, report);
        }
        FoldedBenchmarks.addRows(report, started);
    }

    /** -Dbench.jfr=P6 records that phase with JFR into target/benchmarks/pipeline-P6.jfr (P1 and P6 can be). */
    private static Recording profile(String phase) throws Exception {
        if (!List.of(System.getProperty("bench.jfr", "").split(",")).contains(phase)) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        Files.createDirectories(OUT);
        recording.setDestination(OUT.resolve("pipeline-" + phase + ".jfr"));
        recording.start();
        return recording;
    }

    /** -Dbench.only=P6,P7 runs only those phases (B: the baselines), e.g. to profile one; all run by default. */
    private static boolean runs(String phase) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || List.of(only.split(",")).contains(phase);
    }

    /** B_ins at one and pool-size connections, B_http at P1's concurrencies, B_sqs one by one and in batches. */
    private void baselines(LoadGenerator load) throws Exception {
        Baselines baselines = new Baselines(dataSource, sqs);
        baselines.insertsPerSecond(2, WARM_UP);
        double one = baselines.insertsPerSecond(1, STEP);
        report.add(Row.info("B_ins", "single-row INSERT of a notification-shaped row, 1 connection", one, "rows/s", null));
        double pool = baselines.insertsPerSecond(poolSize, STEP);
        report.add(Row.info("B_ins", "single-row INSERT, " + poolSize + " connections (pool size)", pool, "rows/s", null));

        Target liveness = Target.get("liveness", "/actuator/health/liveness");
        ClosedLoopResult best = null;
        for (int concurrency : CONCURRENCY) {
            ClosedLoopResult result = load.closedLoop(List.of(liveness), concurrency, WARM_UP, STEP);
            report.detail("B_http_c" + concurrency, result);
            best = best == null || result.perSecond() > best.perSecond() ? result : best;
        }
        report.add(Row.info("B_http", "GET /actuator/health/liveness, same Tomcat and client, best of c=8/16/32",
                best.perSecond(), "req/s", "c=" + best.concurrency()));

        double sqsSingle = baselines.sqsMessagesPerSecond(8, 1, STEP);
        report.add(Row.info("B_sqs", "send+receive+delete on ElasticMQ, one message per call, 8 threads", sqsSingle,
                "msg/s", null));
        double sqsBatch = baselines.sqsMessagesPerSecond(8, 10, STEP);
        report.add(Row.info("B_sqs", "send+receive+delete on ElasticMQ, batches of 10, 8 threads", sqsBatch, "msg/s", null));
    }

    /** P1: the API alone (the send consumers paused, so nothing else competes), closed loop, best of c=8/16/32. */
    private Map<String, ClosedLoopResult> acceptance(LoadGenerator load, double bHttp) throws Exception {
        TestService service = service("P1");
        Map<String, ClosedLoopResult> best = new LinkedHashMap<>();
        report.note("P1 and P2 measure the API alone: " + sendRoutes() + " paused while they run, what they queued purged.");
        pauseSends();
        try {
            List<Target> targets = List.of(Target.email(service.normalKey(), service.emailTemplate()),
                    Target.sms(service.normalKey(), service.smsTemplate()));
            // The JIT needs tens of seconds of this path before its rate settles (a short warm-up measured a third of
            // what the same node did minutes later), and most of the path is the same for both channels: both are
            // warmed together before either is measured, or the one measured first pays for the other's warm-up.
            load.closedLoop(targets, 16, Duration.ZERO, P1_WARM_UP.multipliedBy(targets.size()));
            for (Target target : targets) {
                for (int concurrency : CONCURRENCY) {
                    ClosedLoopResult result = load.closedLoop(List.of(target), concurrency, WARM_UP, STEP);
                    report.detail("P1_" + target.name() + "_c" + concurrency, result);
                    if (result.failed() > 0) {
                        report.note("P1 " + target.name() + " c=" + concurrency + ": " + result.failed()
                                + " requests failed, first: " + result.firstFailure());
                    }
                    best.merge(target.name(), result, (a, b) -> b.perSecond() > a.perSecond() ? b : a);
                }
                ClosedLoopResult top = best.get(target.name());
                report.add(new Row("P1", "accepted POST /v2/notifications/" + target.name() + ", best of c=8/16/32",
                        top.perSecond(), "/s", 0.5 * bHttp, true, "c=" + top.concurrency() + "; target 0.5 × B_http"));
                report.add(new Row("P1", "accepted POST /v2/notifications/" + target.name() + ", absolute floor",
                        top.perSecond(), "/s", 2000.0, true, null));
            }
        } finally {
            purgeSends();
            resumeSends();
        }
        return best;
    }

    /** P2: open loop at half of P1's best, latency counted from each request's scheduled start. */
    private void latencies(LoadGenerator load, Map<String, ClosedLoopResult> bestP1) throws Exception {
        TestService service = service("P2");
        pauseSends();
        try {
            for (Target target : List.of(Target.email(service.normalKey(), service.emailTemplate()),
                    Target.sms(service.normalKey(), service.smsTemplate()))) {
                double rate = bestP1.get(target.name()).perSecond() / 2;
                OpenLoopResult result = load.openLoop(List.of(target), rate, STEP.plus(WARM_UP), 256);
                report.detail("P2_" + target.name(), result);
                String note = "%s/s open loop, %d of %d accepted".formatted(BenchReport.number(rate), result.ok(),
                        result.started());
                report.add(new Row("P2", target.name() + " latency p99 at half of P1", result.p99Ms(), "ms", 50.0, false, note));
                report.add(Row.info("P2", target.name() + " latency p50 at half of P1", result.p50Ms(), "ms", null));
            }
        } finally {
            purgeSends();
            resumeSends();
        }
    }

    /**
     * Limits: one service's emails through this node alone, then through this node and a second api node (its own
     * JVM, same database and queues) at once, each at P1's best concurrency. Both lease the service's daily allowance
     * and rate-limit tokens from the same rows, so the ratio shows whether the limits still serialise the nodes.
     */
    private void twoApiNodes(LoadGenerator load, ClosedLoopResult bestEmail) throws Exception {
        TestService service = service("limits");
        Target email = Target.email(service.normalKey(), service.emailTemplate());
        int concurrency = bestEmail.concurrency();
        Map<String, Object> properties = ExtraNode.sharingInfrastructureOf(environment);
        properties.put("notify.node-name", "bench-api-2");
        properties.put("notify.roles", "api");
        properties.put("notify.data-dir", Files.createTempDirectory("notify-hub-bench-api-2-").toString());
        pauseSends();
        try (ExtraNode second = ExtraNode.start("bench-api-2", properties, List.of("-Xmx1g"));
             LoadGenerator secondLoad = new LoadGenerator(second.baseUrl())) {
            secondLoad.closedLoop(List.of(email), concurrency, Duration.ZERO, WARM_UP.multipliedBy(2));
            ClosedLoopResult alone = load.closedLoop(List.of(email), concurrency, WARM_UP, STEP);
            CompletableFuture<ClosedLoopResult> other = CompletableFuture.supplyAsync(() -> {
                try {
                    return secondLoad.closedLoop(List.of(email), concurrency, WARM_UP, STEP);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ClosedLoopResult here = load.closedLoop(List.of(email), concurrency, WARM_UP, STEP);
            ClosedLoopResult there = other.get();
            double both = here.perSecond() + there.perSecond();
            report.detail("limits_one_node", alone);
            report.detail("limits_two_nodes", Map.of("this_node", here, "second_node", there));
            report.add(new Row("limits", "one service's emails accepted/s, two api nodes vs one (c=" + concurrency
                    + " each)", both / alone.perSecond(), "×", 1.6, true, "%s/s on one node, %s/s + %s/s on two"
                    .formatted(BenchReport.number(alone.perSecond()), BenchReport.number(here.perSecond()),
                            BenchReport.number(there.perSecond()))));
        } finally {
            purgeSends();
            resumeSends();
        }
    }

    /**
     * P6: emails and texts at P1's best concurrency for a while with every role running and the simulator answering
     * at once, then until the backlog is gone: delivered/s from the first request to the last receipt applied.
     */
    private void endToEnd(LoadGenerator load, CallbackCounter callbacks, PipelineSampler sampler, int concurrency,
                          double p1Mixed) throws Exception {
        TestService service = service("P6");
        registerCallback(service, callbacks);
        long callbacksBefore = callbacks.received();
        sampler.follow("P6", service.id());
        Sample first = sampler.now();
        ClosedLoopResult result = load.closedLoop(mixed(service), concurrency, Duration.ZERO, P6_LOAD);
        report.detail("P6_load", result);
        Sample loadEnd = sampler.now();
        Sample last = drain(sampler, loadEnd.total(), callbacks, callbacksBefore);
        double elapsed = last.seconds() - first.seconds();
        boolean drained = last.finished() >= last.total();
        List<Sample> phase = sampler.samples("P6");
        report.add(new Row("P6", "delivered/s end to end, zero-latency simulator, all roles on one node", last.finished() / elapsed,
                "/s", 0.8 * p1Mixed, true, "%,d accepted at %s/s while delivering; %s; target 0.8 × mean P1".formatted(
                last.total(), BenchReport.number(result.perSecond()), drained ? "drained %.0f s after the load stopped"
                        .formatted(last.seconds() - loadEnd.seconds()) : "NOT drained: backlog " + last.backlog())));
        report.add(new Row("P6", "delivered/s end to end, absolute floor", last.finished() / elapsed, "/s", 1500.0, true, null));
        report.add(Row.info("P6", "receipts applied/s, best 5 s", peak(phase, 3), "/s", null));
        report.add(Row.info("P6", "provider sends/s, best 5 s", peak(phase, 2), "/s", null));
        long posted = callbacks.received() - callbacksBefore;
        report.add(Row.info("P6", "service callbacks posted/s (delivery status), best 5 s", peak(phase, 4), "/s",
                "%,d posted for %,d delivered".formatted(posted, last.delivered())));
        sampler.pause();
    }

    /**
     * P7: a backlog queued with the send consumers paused, then drained through a simulator that takes 200 ms per
     * call: once the window is full, sends/s should be the in-flight window ÷ 0.2 s.
     */
    private void slowProvider(LoadGenerator load, PipelineSampler sampler) throws Exception {
        TestService service = service("P7");
        int window = inFlightWindow();
        double expected = 2 * window / (PROVIDER_LATENCY.toMillis() / 1000.0);
        long backlog = Math.max(2000, Math.round(expected * (P7_WINDOW.toSeconds() + 5) * 1.3));
        pauseSends();
        // P6's leftovers (when it did not drain) would otherwise be sent first and hide this phase's rate.
        purgeSends();
        simulator.latency(PROVIDER_LATENCY);
        try {
            sampler.follow("P7", service.id());
            long filled = load.fill(mixed(service), 16, backlog, Duration.ofMinutes(3));
            Sample start = sampler.now();
            resumeSends();
            Thread.sleep(3000);
            Sample from = sampler.now();
            Thread.sleep(P7_WINDOW.toMillis());
            Sample to = sampler.now();
            double seconds = to.seconds() - from.seconds();
            double sends = ((to.total() - to.created()) - (from.total() - from.created())) / seconds;
            double delivered = (to.finished() - from.finished()) / seconds;
            report.detail("P7", Map.of("backlog", filled, "window_per_send_queue", window, "start", start, "from", from, "to", to));
            String note = "window %d per send queue × 2 queues ÷ 0.2 s = %s/s; backlog %,d".formatted(window,
                    BenchReport.number(expected), filled);
            report.add(new Row("P7", "delivered/s with 200 ms provider latency", delivered, "/s", 0.9 * expected, true, note));
            report.add(Row.info("P7", "provider sends/s with 200 ms provider latency", sends, "/s", null));
            if (to.created() == 0) {
                report.note("P7: the backlog ran out inside the window, so the rate understates the capacity; "
                        + "raise -Dbench.p7.seconds or the backlog.");
            }
        } finally {
            sampler.pause();
            simulator.latency(Duration.ZERO);
            pauseSends();
            purgeSends();
            resumeSends();
        }
    }

    /** P12: an open-loop mix at half of P1 for SOAK; drift, backlog trend and RSS growth after the first 10 %. */
    private void soak(LoadGenerator load, CallbackCounter callbacks, PipelineSampler sampler, double rate) throws Exception {
        TestService service = service("P12");
        registerCallback(service, callbacks);
        long callbacksBefore = callbacks.received();
        sampler.follow("P12", service.id());
        Sample first = sampler.now();
        OpenLoopResult result = load.openLoop(mixed(service), rate, SOAK, 512);
        report.detail("P12_load", result);
        Sample loadEnd = sampler.now();
        Sample last = drain(sampler, loadEnd.total(), callbacks, callbacksBefore);

        double settled = first.seconds() + (loadEnd.seconds() - first.seconds()) * 0.1;
        double middle = (settled + loadEnd.seconds()) / 2;
        List<Sample> during = sampler.samples("P12").stream()
                .filter(s -> s.seconds() >= settled && s.seconds() <= loadEnd.seconds()).toList();
        assertThat(during).as("P12 samples during the soak").hasSizeGreaterThan(3);
        Sample a = closest(during, settled);
        Sample m = closest(during, middle);
        Sample b = during.get(during.size() - 1);
        double firstHalf = (m.finished() - a.finished()) / (m.seconds() - a.seconds());
        double secondHalf = (b.finished() - m.finished()) / (b.seconds() - m.seconds());
        double drift = 100 * Math.abs(secondHalf - firstHalf) / Math.max(firstHalf, 1e-9);
        double slope = slope(during);
        double rssGrowth = 100.0 * (b.rssKb() - a.rssKb()) / a.rssKb();
        String minutes = BenchReport.number(SOAK.toSeconds() / 60.0) + " min";
        report.add(Row.info("P12", "soak offered rate (half of mean P1), " + minutes, rate, "/s",
                "accepted %,d of %,d; %s".formatted(result.ok(), result.started(), last.finished() >= last.total()
                        ? "drained %.0f s after".formatted(last.seconds() - loadEnd.seconds()) : "NOT drained: backlog "
                        + last.backlog())));
        report.add(new Row("P12", "throughput drift, delivered/s second half vs first half", drift, "%", 5.0, false,
                "%s/s then %s/s".formatted(BenchReport.number(firstHalf), BenchReport.number(secondHalf))));
        report.add(new Row("P12", "backlog trend (created + sending), least squares", slope, "/s", 0.01 * rate, false,
                "backlog %,d → %,d; queued messages %,d → %,d".formatted(a.backlog(), b.backlog(), a.queued(), b.queued())));
        report.add(new Row("P12", "RSS growth after the first 10 %", rssGrowth, "%", 10.0, false,
                "%,d → %,d MiB".formatted(a.rssKb() / 1024, b.rssKb() / 1024)));
        report.add(Row.info("P12", "p99 latency during the soak", result.p99Ms(), "ms", null));
    }

    /** After a load: until every notification of the phase is final and its callback posted, or DRAIN_TIMEOUT. */
    private Sample drain(PipelineSampler sampler, long total, CallbackCounter callbacks, long callbacksBefore)
            throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        Sample sample = sampler.now();
        while (System.nanoTime() < deadline && (sample.finished() < total
                || callbacks.received() - callbacksBefore < sample.delivered())) {
            Thread.sleep(250);
            sample = sampler.now();
        }
        return sample;
    }

    /** A service of its own per phase, with its limits raised so that only the hub's speed limits it. */
    private TestService service(String phase) {
        TestService service = testServices.create(false, List.of("email", "sms"));
        testServices.setRateLimit(service.id(), 1_000_000_000);
        for (String channel : List.of("email", "sms", "international_sms")) {
            testServices.setDailyLimit(service.id(), channel, 1_000_000_000_000L);
        }
        report.detail(phase + "_service", service.id());
        return service;
    }

    private void registerCallback(TestService service, CallbackCounter callbacks) {
        jdbc.sql("""
                        INSERT INTO service_callback_api (id, service_id, url, callback_type, bearer_token)
                        VALUES (:id, :serviceId, :url, :type, :token)""")
                .param("id", UUID.randomUUID())
                .param("serviceId", service.id())
                .param("url", callbacks.url())
                .param("type", CallbackType.DELIVERY_STATUS.wireName())
                .param("token", encryption.encrypt("bench-callback-token"))
                .update();
    }

    private static List<Target> mixed(TestService service) {
        return List.of(Target.email(service.normalKey(), service.emailTemplate()),
                Target.sms(service.normalKey(), service.smsTemplate()));
    }

    /**
     * Provider calls one node keeps in flight per send queue: -Dbench.in-flight, else the property that
     * -Dbench.in-flight-property names (default notify.delivery.in-flight, the window per send queue).
     */
    private int inFlightWindow() {
        String explicit = System.getProperty("bench.in-flight");
        if (explicit != null) {
            return Integer.parseInt(explicit);
        }
        String property = System.getProperty("bench.in-flight-property", "notify.delivery.in-flight");
        return Integer.parseInt(environment.getRequiredProperty(property));
    }

    /** The routes consuming the two send queues (found by their endpoint, so renamed routes are still found). */
    private List<String> sendRoutes() {
        String configured = System.getProperty("bench.send-routes");
        if (configured != null) {
            return List.of(configured.split(","));
        }
        List<String> ids = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            if (uri.startsWith("aws2-sqs") && (uri.contains("//" + sendEmailQueue) || uri.contains("//" + sendSmsQueue)
                    || uri.contains(":" + sendEmailQueue) || uri.contains(":" + sendSmsQueue))) {
                ids.add(route.getRouteId());
            }
        }
        assertThat(ids).as("routes consuming the send queues").isNotEmpty();
        return ids;
    }

    /** Stopped side by side: each stop waits for its consumer's long poll, so one after another would add up. */
    private void pauseSends() throws InterruptedException {
        List<Thread> stops = new ArrayList<>();
        for (String id : sendRoutes()) {
            Thread stop = new Thread(() -> {
                try {
                    camel.getRouteController().stopRoute(id);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-stop-" + id);
            stops.add(stop);
            stop.start();
        }
        for (Thread stop : stops) {
            stop.join();
        }
    }

    private void resumeSends() throws Exception {
        for (String id : sendRoutes()) {
            camel.getRouteController().startRoute(id);
        }
    }

    /** What a paused phase queued is not sent later: its rows stay created, under that phase's own service. */
    private void purgeSends() throws InterruptedException {
        Thread.sleep(1000);
        for (String queue : List.of(sendEmailQueue, sendSmsQueue)) {
            String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
            sqs.purgeQueue(r -> r.queueUrl(url));
        }
    }

    /** The best average over {@code window} consecutive seconds of one rate column (see PipelineSampler.rates). */
    private static double peak(List<Sample> samples, int column) {
        List<double[]> rates = PipelineSampler.rates(samples);
        int window = 5;
        double best = 0;
        for (int i = 0; i + window <= rates.size(); i++) {
            double sum = 0;
            for (int j = i; j < i + window; j++) {
                sum += rates.get(j)[column];
            }
            best = Math.max(best, sum / window);
        }
        return best;
    }

    private static Sample closest(List<Sample> samples, double seconds) {
        return samples.stream().min(Comparator.comparingDouble(s -> Math.abs(s.seconds() - seconds))).orElseThrow();
    }

    /** Least-squares slope of the backlog (created + sending) over time, in notifications per second. */
    private static double slope(List<Sample> samples) {
        double n = samples.size();
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : samples) {
            sx += s.seconds();
            sy += s.backlog();
            sxy += s.seconds() * s.backlog();
            sxx += s.seconds() * s.seconds();
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return String.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long seconds(String property, long defaultSeconds) {
        return Long.parseLong(System.getProperty(property, String.valueOf(defaultSeconds)));
    }
}
