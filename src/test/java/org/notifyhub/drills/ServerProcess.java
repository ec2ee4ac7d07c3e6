package org.notifyhub.drills;

import java.nio.file.Path;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.notifyhub.local.LocalServer;
import org.notifyhub.local.LocalServers;

/**
 * One of the cluster's servers as its own process ({@code java -cp … ServerProcess sqs|s3 <dir>|ftp <dir> <password>}):
 * ElasticMQ, S3Proxy or the DVLA FTP server on loopback. It prints the settings a node needs to reach it, one
 * {@code key=value} a line, then {@code READY}, and runs until its standard input closes (its parent went away).
 */
final class ServerProcess {

    static final String READY = "READY";

    private ServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        AutoCloseable server;
        Map<String, Object> properties;
        switch (args[0]) {
            case "sqs" -> {
                SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                        .withAWSRegion("eu-west-2").start();
                int port = elasticMq.waitUntilStarted().localAddress().getPort();
                server = elasticMq::stopAndWait;
                properties = Map.of("notify.sqs.endpoint", "http://127.0.0.1:" + port);
            }
            case "s3" -> {
                LocalServer store = LocalServers.objectStore(Path.of(args[1]));
                server = store;
                properties = store.properties();
            }
            case "ftp" -> {
                LocalServer ftp = LocalServers.dvlaFtp(Path.of(args[1]), args[2]);
                server = ftp;
                properties = ftp.properties();
            }
            default -> throw new IllegalArgumentException("sqs, s3 or ftp, not " + args[0]);
        }
        properties.forEach((key, value) -> System.out.println(key + "=" + value));
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() != -1) {
            // Runs until the parent closes the pipe or dies.
        }
        server.close();
    }
}
