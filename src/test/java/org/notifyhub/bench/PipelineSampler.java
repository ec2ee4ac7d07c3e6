package org.notifyhub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Once a second: where the notifications of the phase's service stand (by status), what the load generator had
 * accepted and the callback server had received, how deep the pipeline's queues are, and the process's RSS. Each
 * phase of the harness sends as its own service, so the counts of one phase never include another's leftovers.
 */
final class PipelineSampler implements AutoCloseable {

    private static final Set<String> IN_FLIGHT = Set.of("sending", "pending");
    private static final Set<String> FINAL = Set.of("delivered", "sent", "permanent-failure", "temporary-failure",
            "technical-failure", "failed");

    record Sample(double seconds, String phase, long total, long created, long sending, long finished, long delivered,
                  long accepted, long callbacks, Map<String, Long> queueDepths, long rssKb, long heapUsedMb) {

        long backlog() {
            return created + sending;
        }

        long queued() {
            return queueDepths.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Phase(String name, UUID serviceId) {
    }

    private final JdbcClient jdbc;
    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    private final LongSupplier accepted;
    private final LongSupplier callbacks;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile Phase phase;
    private final Thread thread;

    PipelineSampler(JdbcClient jdbc, SqsClient sqs, List<String> queues, LongSupplier accepted, LongSupplier callbacks) {
        this.jdbc = jdbc;
        this.sqs = sqs;
        for (String queue : queues) {
            queueUrls.put(queue, sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl());
        }
        this.accepted = accepted;
        this.callbacks = callbacks;
        this.thread = new Thread(this::run, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** From now on the samples follow this service's notifications, under this phase's name. */
    void follow(String phaseName, UUID serviceId) {
        phase = new Phase(phaseName, serviceId);
    }

    void pause() {
        phase = null;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<Sample> samples(String phaseName) {
        return samples.stream().filter(s -> s.phase().equals(phaseName)).toList();
    }

    /** A sample taken now, outside the once-a-second series. */
    Sample now() {
        Phase current = phase;
        return current == null ? null : take(current);
    }

    private void run() {
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            Phase current = phase;
            if (current != null) {
                try {
                    samples.add(take(current));
                } catch (RuntimeException e) {
                    // a sample lost to a busy database is a gap in the chart, not a failed run
                }
            }
            next += 1_000_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    private Sample take(Phase current) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long acceptedSoFar = accepted.getAsLong();
        long callbacksSoFar = callbacks.getAsLong();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("SELECT notification_status, count(*) FROM notifications WHERE service_id = :s GROUP BY 1")
                .param("s", current.serviceId())
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2)))
                .list();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long sending = byStatus.entrySet().stream().filter(e -> IN_FLIGHT.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        long finished = byStatus.entrySet().stream().filter(e -> FINAL.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        Map<String, Long> depths = new LinkedHashMap<>();
        queueUrls.forEach((name, url) -> depths.put(name, depth(url)));
        return new Sample(seconds, current.name(), total, byStatus.getOrDefault("created", 0L), sending, finished,
                byStatus.getOrDefault("delivered", 0L), acceptedSoFar, callbacksSoFar, depths, rssKb(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
    }

    private long depth(String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    /** The resident set of this JVM (hub, embedded servers and load generator together), from /proc/self/status. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no RSS
        }
        return -1;
    }

    /** Per second between consecutive samples of the same phase: accepted, provider sends, finished and callbacks. */
    static List<double[]> rates(List<Sample> samples) {
        List<double[]> rates = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            if (!a.phase().equals(b.phase())) {
                continue;
            }
            double dt = b.seconds() - a.seconds();
            rates.add(new double[] {b.seconds(), (b.total() - a.total()) / dt,
                    ((b.total() - b.created()) - (a.total() - a.created())) / dt, (b.finished() - a.finished()) / dt,
                    (b.callbacks() - a.callbacks()) / dt});
        }
        return rates;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
