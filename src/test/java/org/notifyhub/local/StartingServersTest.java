package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartingServersTest {

    @Test
    void waitsForEveryServerStartingBesideTheContext() throws Exception {
        CountDownLatch slowStart = new CountDownLatch(1);
        StartingServers servers = new StartingServers();
        Server slow = new Server();
        servers.start(() -> {
            await(slowStart);
            return slow;
        });
        Server quick = new Server();
        servers.started(quick);

        Thread release = new Thread(slowStart::countDown);
        release.start();
        assertThat(servers.awaitAll()).containsExactly(slow, quick);
    }

    @Test
    void oneThatCannotStartStopsTheOthersAndSaysWhy() {
        StartingServers servers = new StartingServers();
        Server started = new Server();
        servers.start(() -> started);
        servers.start(() -> {
            throw new IllegalStateException("port 5432 taken");
        });

        assertThatThrownBy(servers::awaitAll).isInstanceOf(IllegalStateException.class).hasMessage("port 5432 taken");
        assertThat(started.closes).hasValue(1);
    }

    @Test
    void stopsEachServerOnceLastStartedFirst() {
        StartingServers servers = new StartingServers();
        List<Server> stopped = new CopyOnWriteArrayList<>();
        Server first = new Server(stopped);
        Server second = new Server(stopped);
        servers.start(() -> first);
        servers.started(second);

        servers.stopAll();
        servers.stopAll();

        assertThat(stopped).containsExactly(second, first);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Server implements LocalServer {
        final AtomicInteger closes = new AtomicInteger();
        private final List<Server> stopped;

        Server() {
            this(new ArrayList<>());
        }

        Server(List<Server> stopped) {
            this.stopped = stopped;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            stopped.add(this);
        }
    }
}
