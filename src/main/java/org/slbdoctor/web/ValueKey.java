package org.slbdoctor.web;

import java.util.Objects;

/**
 * A cache key around a large value (a page of dashboard rows) that hashes it once and compares by
 * identity first: the same kept value is looked up on every request, and hashing 50 records each
 * time was measurable (bench/README.md).
 */
final class ValueKey {

    private final Object value;
    private final int hash;

    ValueKey(Object value) {
        this.value = Objects.requireNonNull(value);
        this.hash = value.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof ValueKey other && hash == other.hash
                && (value == other.value || value.equals(other.value)));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ValueKey[" + value + "]";
    }
}
