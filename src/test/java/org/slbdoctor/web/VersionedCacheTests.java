package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VersionedCacheTests {

    private final AtomicLong version = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    private String load() {
        return "value " + loads.incrementAndGet();
    }

    @Test
    void keepsAValueWhileTheVersionStaysAndReloadsWhenItMoves() {
        VersionedCache<String, String> cache = new VersionedCache<>(version::get, Duration.ofMinutes(1), 10);
        assertThat(cache.get("a", this::load)).isEqualTo("value 1");
        assertThat(cache.get("a", this::load)).isEqualTo("value 1");
        assertThat(cache.get("b", this::load)).isEqualTo("value 2");
        version.incrementAndGet();
        assertThat(cache.get("a", this::load)).isEqualTo("value 3");
        assertThat(cache.get("a", this::load)).isEqualTo("value 3");
    }

    @Test
    void keepsNullAndNothingLongerThanTheMaximumAge() throws InterruptedException {
        VersionedCache<String, String> nulls = new VersionedCache<>(version::get, Duration.ofMinutes(1), 10);
        AtomicInteger asked = new AtomicInteger();
        nulls.get("x", () -> { asked.incrementAndGet(); return null; });
        assertThat(nulls.get("x", () -> { asked.incrementAndGet(); return null; })).isNull();
        assertThat(asked).hasValue(1);

        VersionedCache<String, String> brief = new VersionedCache<>(version::get, Duration.ofMillis(50), 10);
        brief.get("a", this::load);
        Thread.sleep(120);
        assertThat(brief.get("a", this::load)).as("reloaded after the maximum age").isEqualTo("value 2");
    }

    @Test
    void valueKeyEqualsByValueAndHashesOnce() {
        ValueKey a = new ValueKey(java.util.List.of("x", "y"));
        assertThat(a).isEqualTo(new ValueKey(java.util.List.of("x", "y"))).isNotEqualTo(new ValueKey(java.util.List.of("x")));
        assertThat(a.hashCode()).isEqualTo(java.util.List.of("x", "y").hashCode());
    }
}
