package org.slbdoctor.artifact;

/** What an analyzer made of one artifact's text: one record type per {@link ArtifactKind}. */
public interface ArtifactFacts {

    ArtifactKind kind();
}
