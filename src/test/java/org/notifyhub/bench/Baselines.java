package org.notifyhub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What the machine itself can do, measured against the hub's own servers in the same JVM: single-row INSERTs into
 * PostgreSQL (B_ins) and send+receive+delete on ElasticMQ (B_sqs). B_http is the load generator against a trivial
 * endpoint, run by the harness.
 */
final class Baselines {

    private static final String SCRATCH_TABLE = "bench_notifications";

    private final DataSource dataSource;
    private final SqsClient sqs;

    Baselines(DataSource dataSource, SqsClient sqs) {
        this.dataSource = dataSource;
        this.sqs = sqs;
    }

    /**
     * Autocommitted single-row INSERTs of a notification-shaped row (the notifications table's columns, defaults and
     * indexes, without its foreign keys) from {@code connections} threads, each holding one pooled connection.
     */
    double insertsPerSecond(int connections, Duration duration) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS " + SCRATCH_TABLE
                    + " (LIKE notifications INCLUDING DEFAULTS INCLUDING INDEXES)");
        }
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong inserted = new AtomicLong();
        UUID service = UUID.randomUUID();
        UUID template = UUID.randomUUID();
        String personalisation = "x".repeat(120);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCRATCH_TABLE
                             + " (id, \"to\", normalised_to, service_id, template_id, template_version, api_key_id, key_type,"
                             + " billable_units, notification_type, created_at, notification_status, client_reference,"
                             + " _personalisation) VALUES (?, ?, ?, ?, ?, 1, ?, 'normal', 1, 'email', ?, 'created', ?, ?)")) {
                    connection.setAutoCommit(true);
                    long n = 0;
                    while (System.nanoTime() < end) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "bench-" + n + "@example.com");
                        insert.setString(3, "bench-" + n + "@example.com");
                        insert.setObject(4, service);
                        insert.setObject(5, template);
                        insert.setObject(6, UUID.randomUUID());
                        insert.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now()));
                        insert.setString(8, "bench-" + n++);
                        insert.setString(9, personalisation);
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-insert-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("TRUNCATE " + SCRATCH_TABLE);
        }
        return inserted.get() / (duration.toNanos() / 1e9);
    }

    /**
     * Messages a second through send, receive and delete on a scratch queue of the hub's SQS server, from
     * {@code threads} threads, {@code batch} messages per request (1: one call per message; 10: SQS's batch calls).
     */
    double sqsMessagesPerSecond(int threads, int batch, Duration duration) throws Exception {
        String name = "bench-scratch-" + UUID.randomUUID().toString().substring(0, 8);
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong cycled = new AtomicLong();
        String body = "{\"notification_id\":\"" + UUID.randomUUID() + "\",\"padding\":\"" + "x".repeat(80) + "\"}";
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    if (batch == 1) {
                        sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
                    } else {
                        sqs.sendMessageBatch(r -> r.queueUrl(url).entries(IntStream.range(0, batch)
                                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(body).build())
                                .toList()));
                    }
                    List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(batch)
                            .waitTimeSeconds(1)).messages();
                    if (received.isEmpty()) {
                        continue;
                    }
                    if (batch == 1) {
                        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
                    } else {
                        sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(IntStream.range(0, received.size())
                                .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id("d" + i)
                                        .receiptHandle(received.get(i).receiptHandle()).build())
                                .toList()));
                    }
                    cycled.addAndGet(received.size());
                }
            }, "bench-sqs-" + t);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        sqs.deleteQueue(r -> r.queueUrl(url));
        return cycled.get() / (duration.toNanos() / 1e9);
    }
}
