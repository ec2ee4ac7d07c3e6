package org.notifyhub.common;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small in-memory cache whose entries are reused for a fixed time and then read again, as Notify keeps its
 * serialised services, API keys and templates in memory for a couple of seconds. Bounded: when full it drops what
 * has expired, and if that is not enough, everything. A loader that answers null caches nothing.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    // Bumped by every eviction, so that a load that began before one never stores what it read.
    private final AtomicLong evictions = new AtomicLong();
    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;

    public ExpiringCache(Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("A cache needs a TTL of zero or more and room for an entry");
        }
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The value cached for this key while it is fresh, else what the loader answers (kept unless null). */
    public V get(K key, Function<? super K, ? extends V> loader) {
        long now = clock.millis();
        Entry<V> entry = entries.get(key);
        if (entry != null && now < entry.expiresAtMillis()) {
            return entry.value();
        }
        long evictionsBefore = evictions.get();
        V value = loader.apply(key);
        if (value != null && ttlMillis > 0) {
            if (entries.size() >= maxEntries) {
                entries.values().removeIf(e -> now >= e.expiresAtMillis());
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
            }
            entries.put(key, new Entry<>(value, now + ttlMillis));
            if (evictions.get() != evictionsBefore) {
                entries.remove(key);
            }
        }
        return value;
    }

    public void evict(K key) {
        evictions.incrementAndGet();
        entries.remove(key);
    }

    public void evictIf(Predicate<? super K> keys) {
        evictions.incrementAndGet();
        entries.keySet().removeIf(keys);
    }

    public int size() {
        return entries.size();
    }
}
