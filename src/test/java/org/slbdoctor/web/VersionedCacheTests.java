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
    void anEqualReloadedValueKeepsTheInstanceKeptBefore() throws InterruptedException {
        VersionedCache<String, ValueKey> cache = new VersionedCache<>(version::get, Duration.ofMillis(20), 10);
        ValueKey first = cache.get("a", () -> new ValueKey(java.util.List.of("row 1")));
        Thread.sleep(60);
        AtomicInteger asked = new AtomicInteger();
        ValueKey second = cache.get("a", () -> { asked.incrementAndGet(); return new ValueKey(java.util.List.of("row 1")); });
        assertThat(asked).as("reloaded").hasValue(1);
        assertThat(second).as("the same instance, so keys around it compare by identity").isSameAs(first);
        version.incrementAndGet();
        assertThat(cache.get("a", () -> new ValueKey(java.util.List.of("row 2")))).isNotEqualTo(first);
    }

    @Test
    void aStaleKeyIsLoadedByOneThreadWhileTheOthersWait() throws Exception {
        VersionedCache<String, String> cache = new VersionedCache<>(version::get, Duration.ofMinutes(1), 10);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.get("a", () -> {
                        try {
                            Thread.sleep(100); // a query
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return load();
                    });
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo("value 1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void valueKeyEqualsByValueAndHashesOnce() {
        ValueKey a = new ValueKey(java.util.List.of("x", "y"));
        assertThat(a).isEqualTo(new ValueKey(java.util.List.of("x", "y"))).isNotEqualTo(new ValueKey(java.util.List.of("x")));
        assertThat(a.hashCode()).isEqualTo(java.util.List.of("x", "y").hashCode());
    }
}
