package org.notifyhub.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

/**
 * The simulated providers' faults the tests switch on per recipient: outages, refusals, and a record of every
 * attempt, to show retries, the dead-letter queue and replays without a real provider misbehaving.
 */
@TestComponent
@Primary
public class SimulatorFaultSwitches extends SimulatorFaults {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Instant>> watched = new ConcurrentHashMap<>();
    private volatile long extraLatencyMillis;

    public SimulatorFaultSwitches(@Value("${notify.simulator.send-latency-ms:0}") long latencyMillis) {
        super(latencyMillis);
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

    /** Every send answers only after this long from now on (on top of notify.simulator.send-latency-ms); zero to stop. */
    public void latency(Duration latency) {
        extraLatencyMillis = latency.toMillis();
    }

    public void clear(String recipient) {
        failing.remove(recipient);
        refused.remove(recipient);
        watched.remove(recipient);
    }

    @Override
    void check(String recipient) {
        List<Instant> attempts = watched.get(recipient);
        if (attempts != null) {
            attempts.add(Instant.now());
        }
        super.check(recipient);
        long extra = extraLatencyMillis;
        if (extra > 0) {
            pause(extra);
        }
        if (refused.contains(recipient)) {
            throw new NonRetryableDeliveryException("Simulated refusal for " + recipient, null);
        }
        if (failing.contains(recipient)) {
            throw new RetryableDeliveryException("Simulated provider outage for " + recipient, null);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableDeliveryException("Interrupted while the simulated provider answered", e);
        }
    }
}
