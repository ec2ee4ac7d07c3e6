package org.notifyhub.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The block a node leases: a share of what is left, one at a time at the end, never more than is left. */
class LeaseSizingTest {

    private final LeaseSizing sizing = new LeaseSizing(16, 500);

    @ParameterizedTest(name = "limit {0}, taken {1} -> {2}")
    @CsvSource({
            // a share of what is left
            "1000, 0, 62",
            "1000, 600, 25",
            // capped at the largest block
            "250000, 0, 500",
            "250000, 249000, 62",
            // the last 16 one at a time, so the end of the day is exact
            "1000, 968, 2",
            "1000, 969, 1",
            "1000, 999, 1",
            "7, 0, 1",
            "1, 0, 1",
            // nothing left, or less than nothing (the limit lowered below what is gone)
            "1000, 1000, 0",
            "5, 9, 0",
            "0, 0, 0"})
    void leasesAShareOfWhatIsLeft(long limit, long taken, long expected) {
        assertThat(sizing.grant(limit, taken)).isEqualTo(expected);
    }

    @Test
    void blocksOfARunDownAllowanceAddUpToExactlyTheLimit() {
        long limit = 10_000;
        long taken = 0;
        int leases = 0;
        long grant;
        while ((grant = sizing.grant(limit, taken)) > 0) {
            assertThat(grant).isLessThanOrEqualTo(limit - taken);
            taken += grant;
            leases++;
        }
        assertThat(taken).isEqualTo(limit);
        // far fewer leases than sends: that is the point
        assertThat(leases).isLessThan(150);
    }

    @ParameterizedTest(name = "{0} tokens -> {1}")
    @CsvSource({"0.99, 0", "1.0, 1", "5.5, 1", "40.2, 2", "3000, 187", "1000000, 500", "-3, 0"})
    void tokenBucketsLeaseWholeTokens(double available, long expected) {
        assertThat(sizing.grant(available)).isEqualTo(expected);
    }

    @Test
    void aShareOrBlockBelowOneIsRefused() {
        assertThatThrownBy(() -> new LeaseSizing(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeaseSizing(4, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
