package org.notifyhub.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Outages and slowness of the simulated providers: lets the local default (and its tests) show retries, the
 * dead-letter queue, replays and slow providers without a real provider misbehaving.
 */
@Component
public class SimulatorFaults {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Instant>> watched = new ConcurrentHashMap<>();
    private final long latencyMillis;

    public SimulatorFaults(@Value("${notify.simulator.send-latency-ms:0}") long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    /** Records every send attempt to this recipient from now on, to show how often and when it was tried. */
    public void watch(String recipient) {
        watched.put(recipient, new CopyOnWriteArrayList<>());
    }

    public List<Instant> attemptsTo(String recipient) {
        return List.copyOf(watched.getOrDefault(recipient, List.of()));
    }

    /** Every send to this recipient fails as a provider outage would, until {@link #clear}. */
    public void failSendsTo(String recipient) {
        failing.add(recipient);
    }

    /** Every send to this recipient is refused for good, as SES refuses an invalid parameter. */
    public void refuseSendsTo(String recipient) {
        refused.add(recipient);
    }

    /** The provider's answer takes time, as a real provider's does over the network. */
    private void pause() {
        try {
            Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableDeliveryException("Interrupted while the simulated provider answered", e);
        }
    }

    public void clear(String recipient) {
        failing.remove(recipient);
        refused.remove(recipient);
        watched.remove(recipient);
    }

    void check(String recipient) {
        List<Instant> attempts = watched.get(recipient);
        if (attempts != null) {
            attempts.add(Instant.now());
        }
        if (latencyMillis > 0) {
            pause();
        }
        if (refused.contains(recipient)) {
            throw new NonRetryableDeliveryException("Simulated refusal for " + recipient, null);
        }
        if (failing.contains(recipient)) {
            throw new RetryableDeliveryException("Simulated provider outage for " + recipient, null);
        }
    }
}
