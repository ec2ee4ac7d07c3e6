package org.notifyhub.servicecallbacks;

import io.micrometer.core.instrument.MeterRegistry;
import org.notifyhub.services.CallbackType;
import org.springframework.stereotype.Component;

/**
 * Counters for receipts and service callbacks. Notify's statsd names map onto tags:
 * {@code callback.{provider}.{status}} is {@code notify.provider.callback{provider,status}} and
 * {@code timeout-sending.{provider}} is {@code notify.timeout.sending{provider}}.
 */
@Component
public class CallbackMetrics {

    /** What became of a service callback. */
    public enum Outcome {
        QUEUED("queued"), SENT("sent"), RETRIED("retried"), REJECTED("rejected"), GIVEN_UP("given-up"),
        FAILED("failed"), NOT_QUEUED("not-queued");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    public CallbackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void receipt(String provider, String status) {
        registry.counter("notify.provider.callback", "provider", String.valueOf(provider), "status", status).increment();
    }

    public void timedOut(String provider) {
        registry.counter("notify.timeout.sending", "provider", String.valueOf(provider)).increment();
    }

    public void serviceCallback(CallbackType type, Outcome outcome) {
        registry.counter("notify.service.callback", "type", String.valueOf(type), "outcome", outcome.tag).increment();
    }
}
