package org.notifyhub.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the simulated providers misbehave before they answer: here only their latency
 * ({@code notify.simulator.send-latency-ms}), as a real provider's over the network; the tests swap in outages and
 * refusals per recipient.
 */
@Component
public class SimulatorFaults {

    private final long latencyMillis;

    public SimulatorFaults(@Value("${notify.simulator.send-latency-ms:0}") long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    /** Called before every simulated send; throws as the provider would fail. */
    void check(String recipient) {
        if (latencyMillis > 0) {
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableDeliveryException("Interrupted while the simulated provider answered", e);
        }
    }
}
