package org.notifyhub.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {

    @Test
    void doublesFromOneSecondAndNeverWaitsLongerThanFourMinutes() {
        assertThat(IntStream.range(0, 12).map(n -> RetryDelays.after(n, RetryDelays.CAP_SECONDS)).toArray())
                .containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 240, 240, 240, 240);
        assertThat(RetryDelays.after(1_000, RetryDelays.CAP_SECONDS)).isEqualTo(240);
    }
}
