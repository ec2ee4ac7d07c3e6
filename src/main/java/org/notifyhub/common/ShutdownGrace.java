package org.notifyhub.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code NOTIFY_SHUTDOWN_GRACE} (default 30 s): how long a node given SIGTERM may take to stop. It stops taking new
 * HTTP requests (readiness refuses traffic) and queue messages at once, then lets requests in progress finish for up
 * to a third of the grace, then Camel's in-flight exchanges for what is left less two seconds for closing the rest;
 * an exchange still unfinished then is abandoned, its queue message not deleted (so it comes back) and its send claim,
 * if its provider call had not started, given back (delivery/SendClaims).
 */
public class ShutdownGrace implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "notify-shutdown-grace";
    private static final Duration CLOSING = Duration.ofSeconds(2);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Duration grace = DurationStyle.detectAndParse(env.getProperty("notify.shutdown.grace", "30s"));
        int waitSeconds = env.getProperty("notify.sqs.wait-time-seconds", Integer.class, 10);
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, settings(grace, waitSeconds)));
    }

    /**
     * The phases' timeouts. Camel's must outlast a queue's long poll: a poll under way counts as in flight, and one
     * cut short by a forced stop only makes noise, so a grace too short for the poll is refused.
     */
    static Map<String, Object> settings(Duration grace, int sqsWaitSeconds) {
        Duration requests = grace.dividedBy(3);
        long camelSeconds = grace.minus(requests).minus(CLOSING).toSeconds();
        if (camelSeconds <= sqsWaitSeconds) {
            throw new MissingSettingsException("NOTIFY_SHUTDOWN_GRACE is too short for the queues' long polls:",
                    List.of("NOTIFY_SHUTDOWN_GRACE (" + grace.toSeconds() + "s) must leave Camel more than "
                            + "notify.sqs.wait-time-seconds (" + sqsWaitSeconds + "s) after a third for HTTP requests and "
                            + CLOSING.toSeconds() + "s for closing: at least "
                            + ((sqsWaitSeconds + 1 + CLOSING.toSeconds()) * 3 + 1) / 2 + "s"));
        }
        return Map.of("spring.lifecycle.timeout-per-shutdown-phase", requests.toMillis() + "ms",
                "camel.main.shutdown-timeout", camelSeconds);
    }
}
