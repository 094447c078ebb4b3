package org.slbdoctor.artifact;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts the lines of a log per signature (an enum) as an analyzer reads it; the facts records of
 * the log kinds keep the result and describe it with {@link #summary}.
 */
public final class SignatureCounter<S extends Enum<S>> {

    private final Map<S, LogSignatureStats> found;

    public SignatureCounter(Class<S> signatures) {
        this.found = new EnumMap<>(signatures);
    }

    /** One more line with this signature; {@code timestamp} is null when the line carries none. */
    public void count(S signature, LineRef line, LocalDateTime timestamp) {
        found.put(signature, found.getOrDefault(signature, LogSignatureStats.NONE).plus(line, timestamp));
    }

    /** The signatures found so far (only those), in enum order; a live view, not a copy. */
    public Map<S, LogSignatureStats> found() {
        return found;
    }

    /** An unmodifiable copy of per-signature stats, in enum order. */
    public static <S extends Enum<S>> Map<S, LogSignatureStats> copyOf(Class<S> signatures,
            Map<S, LogSignatureStats> stats) {
        Map<S, LogSignatureStats> copy = new EnumMap<>(signatures);
        copy.putAll(stats);
        return Collections.unmodifiableMap(copy);
    }

    /** {@code "3× description (first at line 12); …"}, in the map's order. */
    public static <S> String summary(Map<S, LogSignatureStats> stats, Function<S, String> description) {
        return stats.entrySet().stream()
                .map(e -> e.getValue().count() + "× " + description.apply(e.getKey()) + " (first at line "
                        + e.getValue().firstLine().lineNumber() + ")")
                .collect(Collectors.joining("; "));
    }
}
