package org.notifyhub.local;

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

    static LocalSqs start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .withAWSRegion(LocalDefaults.REGION)
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new LocalSqs(server, port);
    }

    @Override
    public Map<String, Object> properties() {
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
