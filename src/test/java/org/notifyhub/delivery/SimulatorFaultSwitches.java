package org.notifyhub.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

/**
 * The simulated providers' faults the tests switch on per recipient: outages, refusals, a record of every attempt,
 * and a provider that holds its answers until enough sends are waiting on it, to show retries, the dead-letter queue,
 * replays and in-flight windows without a real provider misbehaving.
 */
@TestComponent
@Primary
public class SimulatorFaultSwitches extends SimulatorFaults {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Instant>> watched = new ConcurrentHashMap<>();
    private volatile long extraLatencyMillis;
    private final Map<String, InFlight> held = new ConcurrentHashMap<>();

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

    /**
     * Every send to this recipient waits until {@code window} sends to it are in flight at once (or, at the latest,
     * until {@code patience} from now), as a slow provider would keep them; from then on sends pass at once. Counts
     * the most sends in flight at once.
     */
    public InFlight holdUntilInFlight(String recipient, int window, Duration patience) {
        InFlight inFlight = new InFlight(window, patience);
        held.put(recipient, inFlight);
        return inFlight;
    }

    public void clear(String recipient) {
        failing.remove(recipient);
        refused.remove(recipient);
        watched.remove(recipient);
        held.remove(recipient);
    }

    @Override
    void check(String recipient) {
        List<Instant> attempts = watched.get(recipient);
        if (attempts != null) {
            attempts.add(Instant.now());
        }
        InFlight inFlight = held.get(recipient);
        if (inFlight != null) {
            inFlight.pass();
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

    /** Sends to one held recipient: how many are in flight now, the most there ever were, and whether the window filled. */
    public static final class InFlight {

        private final int window;
        private final long deadline;
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final CountDownLatch filled = new CountDownLatch(1);

        private InFlight(int window, Duration patience) {
            this.window = window;
            this.deadline = System.nanoTime() + patience.toNanos();
        }

        public int most() {
            return most.get();
        }

        public boolean filled() {
            return filled.getCount() == 0;
        }

        private void pass() {
            int inFlight = now.incrementAndGet();
            most.accumulateAndGet(inFlight, Math::max);
            if (inFlight >= window) {
                filled.countDown();
            }
            try {
                filled.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                now.decrementAndGet();
            }
        }
    }
}
