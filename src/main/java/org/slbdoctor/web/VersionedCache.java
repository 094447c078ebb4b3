package org.slbdoctor.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps values derived from the database while a version number stays the same, and never longer
 * than {@code maxAge}: the number catches this process's own writes at once, the age bounds what it
 * cannot see (another node's writes). Values may be null.
 *
 * <p>One thread loads a stale key while the others asking for it wait for that load (under 64
 * connections every request thread used to run the same query when a value aged out). A reloaded
 * value equal to the one before is not replaced, so keys built around it keep comparing by identity.
 */
public final class VersionedCache<K, V> {

    private record Entry<V>(long version, long loadedAt, V value) {
    }

    private final Cache<K, Entry<V>> cache;
    private final LongSupplier version;
    private final long maxAgeNanos;

    public VersionedCache(LongSupplier version, Duration maxAge, long maxEntries) {
        this.version = version;
        this.maxAgeNanos = maxAge.toNanos();
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    public V get(K key, Supplier<V> load) {
        // read the number before the data: a change committed meanwhile moves it, so what is loaded
        // now can only be kept under the older number, which nobody asks for again
        long now = version.getAsLong();
        Entry<V> entry = cache.getIfPresent(key);
        if (entry != null && current(entry, now)) {
            return entry.value();
        }
        return cache.asMap().compute(key, (k, old) -> {
            if (old != null && current(old, now)) {
                return old; // loaded by another thread meanwhile
            }
            V value = load.get();
            return new Entry<>(now, System.nanoTime(), old != null && Objects.equals(old.value(), value) ? old.value() : value);
        }).value();
    }

    private boolean current(Entry<V> entry, long now) {
        return entry.version() == now && System.nanoTime() - entry.loadedAt() <= maxAgeNanos;
    }
}
