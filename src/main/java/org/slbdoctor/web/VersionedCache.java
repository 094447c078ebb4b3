package org.slbdoctor.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps values derived from the database while a version number stays the same, and never longer
 * than {@code maxAge}: the number catches this process's own writes at once, the age bounds what it
 * cannot see (another node's writes). Values may be null.
 */
final class VersionedCache<K, V> {

    private record Entry<V>(long version, V value) {
    }

    private final Cache<K, Entry<V>> cache;
    private final LongSupplier version;

    VersionedCache(LongSupplier version, Duration maxAge, long maxEntries) {
        this.version = version;
        this.cache = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maxEntries).build();
    }

    V get(K key, Supplier<V> load) {
        // read the number before the data: a change committed meanwhile moves it, so what is loaded
        // now can only be kept under the older number, which nobody asks for again
        long now = version.getAsLong();
        Entry<V> entry = cache.getIfPresent(key);
        if (entry != null && entry.version() == now) {
            return entry.value();
        }
        V value = load.get();
        cache.put(key, new Entry<>(now, value));
        return value;
    }
}
