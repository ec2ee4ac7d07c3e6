package org.notifyhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsProviderFailoverTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 1, 12, 0);
    private static final LocalDateTime GUARD = NOW.minus(SmsProviderFailover.GUARD);

    private static SmsProviderDetails provider(String name, int priority, LocalDateTime updatedAt) {
        return new SmsProviderDetails(name, priority, name.equals("firetext"), updatedAt);
    }

    @Test
    void theFailedProviderLosesTenPointsAndTheOtherGainsThem() {
        assertThat(SmsProviderFailover.shift(List.of(provider("firetext", 40, null), provider("mmg", 60, null)), "mmg", GUARD))
                .contains(Map.of("mmg", 50, "firetext", 50));
        assertThat(SmsProviderFailover.shift(List.of(provider("firetext", 40, NOW.minusMinutes(2)),
                provider("mmg", 60, NOW.minusMinutes(5))), "firetext", GUARD))
                .contains(Map.of("firetext", 30, "mmg", 70));
    }

    @Test
    void prioritiesStayWithinZeroAndAHundred() {
        assertThat(SmsProviderFailover.shift(List.of(provider("firetext", 5, null), provider("mmg", 95, null)), "firetext", GUARD))
                .contains(Map.of("firetext", 0, "mmg", 100));
    }

    @Test
    void nothingMovesWhenEitherChangedWithinTheLastMinute() {
        assertThat(SmsProviderFailover.shift(List.of(provider("firetext", 40, NOW.minusSeconds(30)),
                provider("mmg", 60, null)), "mmg", GUARD)).isEmpty();
        assertThat(SmsProviderFailover.shift(List.of(provider("firetext", 40, null),
                provider("mmg", 60, NOW.minusSeconds(59))), "mmg", GUARD)).isEmpty();
    }

    @Test
    void nothingMovesWithoutTwoActiveProvidersOrForAnInactiveOne() {
        assertThat(SmsProviderFailover.shift(List.of(provider("mmg", 60, null)), "mmg", GUARD)).isEmpty();
        assertThat(SmsProviderFailover.shift(List.of(provider("firetext", 40, null), provider("mmg", 60, null)), "reach", GUARD))
                .isEmpty();
    }
}
