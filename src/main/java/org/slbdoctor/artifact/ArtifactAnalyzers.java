package org.slbdoctor.artifact;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The analyzer of each kind, discovered from the Spring context; start-up fails if a kind has none or two. */
@Component
public class ArtifactAnalyzers {

    private final Map<ArtifactKind, ArtifactAnalyzer<?>> byKind = new EnumMap<>(ArtifactKind.class);

    public ArtifactAnalyzers(List<? extends ArtifactAnalyzer<?>> analyzers) {
        for (ArtifactAnalyzer<?> a : analyzers) {
            ArtifactAnalyzer<?> previous = byKind.put(a.kind(), a);
            if (previous != null) {
                throw new IllegalStateException("two analyzers for " + a.kind() + ": " + previous.getClass().getName()
                        + " and " + a.getClass().getName());
            }
        }
        for (ArtifactKind k : ArtifactKind.values()) {
            if (!byKind.containsKey(k)) {
                throw new IllegalStateException("no analyzer for artifact kind " + k.wireName());
            }
        }
    }

    public ArtifactAnalyzer<?> of(ArtifactKind kind) {
        return byKind.get(kind);
    }

    public ArtifactFacts analyze(ArtifactKind kind, String text) {
        return of(kind).analyze(text);
    }

    public ArtifactFacts analyze(ArtifactKind kind, Reader text) {
        try {
            return of(kind).analyze(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
