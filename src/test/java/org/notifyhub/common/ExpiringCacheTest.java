package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HandClock;

class ExpiringCacheTest {

    private final HandClock clock = new HandClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();
    private final ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(2), 3, clock);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void aValueIsReusedUntilItsTtlHasPassedAndThenReadAgain() {
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        clock.advance(Duration.ofMillis(1999));
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void anEvictedValueIsReadAgainAtOnce() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.evict("a");
        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");

        cache.evictIf(key -> key.startsWith("b"));
        assertThat(cache.get("b", this::load)).isEqualTo("b#4");
    }

    @Test
    void aNullAnswerIsNotRemembered() {
        assertThat(cache.get("missing", key -> null)).isNull();
        assertThat(cache.get("missing", this::load)).isEqualTo("missing#1");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aLoadOverlappingAnEvictionDoesNotStoreWhatItRead() {
        String stale = cache.get("a", key -> {
            cache.evict("a");
            return "read before the change";
        });
        assertThat(stale).isEqualTo("read before the change");
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBoundAndDropsExpiredEntriesFirst() {
        for (int i = 0; i < 10; i++) {
            cache.get("k" + i, this::load);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        cache.get("x", this::load);
        cache.get("y", this::load);
        assertThat(cache.size()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(2));
        cache.get("fresh", this::load);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aZeroTtlCachesNothing() {
        ExpiringCache<String, String> off = new ExpiringCache<>(Duration.ZERO, 3, clock);
        off.get("a", this::load);
        assertThat(off.get("a", this::load)).isEqualTo("a#2");
    }
}
