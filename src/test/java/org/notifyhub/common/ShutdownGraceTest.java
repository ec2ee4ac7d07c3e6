package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** NOTIFY_SHUTDOWN_GRACE shared between HTTP requests, Camel's in-flight exchanges and closing the rest. */
class ShutdownGraceTest {

    @Test
    void theDefaultGraceGivesRequestsTenSecondsAndCamelEighteen() {
        assertThat(ShutdownGrace.settings(Duration.ofSeconds(30), 10))
                .containsEntry("spring.lifecycle.timeout-per-shutdown-phase", "10000ms")
                .containsEntry("camel.main.shutdown-timeout", 18L);
    }

    @Test
    void aGraceThatCannotOutlastALongPollIsRefusedWithTheLeastThatWould() {
        assertThatThrownBy(() -> ShutdownGrace.settings(Duration.ofSeconds(15), 10))
                .isInstanceOfSatisfying(MissingSettingsException.class, e -> assertThat(e.problems()).containsExactly(
                        "NOTIFY_SHUTDOWN_GRACE (15s) must leave Camel more than notify.sqs.wait-time-seconds (10s) after "
                                + "a third for HTTP requests and 2s for closing: at least 20s"));
        assertThat(ShutdownGrace.settings(Duration.ofSeconds(20), 10)).containsEntry("camel.main.shutdown-timeout", 11L);
    }
}
