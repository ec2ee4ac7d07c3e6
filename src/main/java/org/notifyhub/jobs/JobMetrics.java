package org.notifyhub.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.notifyhub.common.ExpiringCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Jobs in progress across the cluster (the jobs table), counted when scraped and at most once per notify.metrics.refresh. */
@Component
public class JobMetrics implements MeterBinder {

    private final JobRepository jobs;
    // Wall-clock time, not the hub's Clock bean (which tests hold still): this is only how long a count is reused.
    private final ExpiringCache<String, Long> counts;

    public JobMetrics(JobRepository jobs, @Value("${notify.metrics.refresh}") Duration refresh) {
        this.jobs = jobs;
        this.counts = new ExpiringCache<>(refresh, 1, Clock.systemUTC());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("notify.jobs.in.progress", this, metrics -> metrics.counts.get("in progress", status -> jobs.countInProgress()))
                .description("CSV jobs being processed now")
                .register(registry);
    }
}
