package org.slbdoctor.artifact;

import java.time.Instant;

/** A stored artifact together with its analyzer's facts: what checks read. */
public record AnalyzedArtifact(long id, ArtifactKind kind, String name, Instant uploadedAt, ArtifactFacts facts) {
}
