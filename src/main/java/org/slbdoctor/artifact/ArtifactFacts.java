package org.slbdoctor.artifact;

/** What an analyzer made of one artifact's text: one record type per {@link ArtifactKind}. */
public interface ArtifactFacts {

    ArtifactKind kind();

    /** One human-readable line about what the analyzer found, for the UI (never the raw content). */
    default String summary() {
        return kind().wireName();
    }
}
