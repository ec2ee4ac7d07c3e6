package org.notifyhub.drills;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The operators' alert webhook for a drill's node (notify.alerts.webhook-url), on loopback in the test JVM: keeps every
 * alert body the hub POSTs, so a drill finds its own by what it names (a file name). Support's WireMock webhook is not
 * used because it listens on every interface and lives in one static per JVM.
 */
final class AlertReceiver implements AutoCloseable {

    private static final String PATH = "/alerts";

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    AlertReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext(PATH, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newSingleThreadExecutor(StubProviders.daemon("alert-receiver")));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Alerts (their JSON as received) that mention the text anywhere. */
    List<String> mentioning(String text) {
        return bodies.stream().filter(body -> body.contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
