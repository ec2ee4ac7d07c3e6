package org.notifyhub.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default's embedded servers, starting beside the application context rather than before it: their
 * addresses are fixed up front, so the context is configured at once, and only the beans that talk to them wait for
 * them ({@link #awaitAll()}). A restart no longer waits for the slowest server before Spring begins.
 */
final class StartingServers {

    private static final Logger log = LoggerFactory.getLogger(StartingServers.class);

    private final List<CompletableFuture<LocalServer>> servers = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** Starts it on another thread. */
    void start(Supplier<LocalServer> start) {
        servers.add(CompletableFuture.supplyAsync(start));
    }

    /** One that had to start before the context (its properties come from the running server). */
    void started(LocalServer server) {
        servers.add(CompletableFuture.completedFuture(server));
    }

    /** Waits until every server is up; if one could not start, stops the others and says why. */
    List<LocalServer> awaitAll() {
        List<LocalServer> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<LocalServer> server : servers) {
            try {
                started.add(server.join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        if (failure != null) {
            stopAll();
            throw failure;
        }
        return started;
    }

    /** Stops every server that started, the last started first, waiting for any still starting; once. */
    void stopAll() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        for (int i = servers.size() - 1; i >= 0; i--) {
            LocalServer server;
            try {
                server = servers.get(i).join();
            } catch (CompletionException couldNotStart) {
                continue;
            }
            try {
                server.close();
            } catch (RuntimeException e) {
                log.warn("Could not stop {}", server.getClass().getSimpleName(), e);
            }
        }
    }
}
