package org.notifyhub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Notify's provider client metrics: clients.{provider}.success, .error and .request-time. */
@Component
public class SmsClientMetrics {

    private final MeterRegistry registry;

    public SmsClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one provider request, timing it and counting whether it succeeded. */
    public void record(String provider, Runnable request) {
        Timer.Sample sample = Timer.start(registry);
        try {
            request.run();
            registry.counter("clients." + provider + ".success").increment();
        } catch (RuntimeException e) {
            registry.counter("clients." + provider + ".error").increment();
            throw e;
        } finally {
            sample.stop(registry.timer("clients." + provider + ".request-time"));
        }
    }
}
