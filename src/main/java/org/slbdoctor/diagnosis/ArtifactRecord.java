package org.slbdoctor.diagnosis;

import java.time.Instant;
import java.util.List;

/**
 * An artifact as a diagnosis used it: its analyzer's one-paragraph summary and a few excerpt lines
 * (the first matching ones), kept with the diagnosis so the record survives the artifact's deletion.
 */
public record ArtifactRecord(long id, String kind, String name, Instant uploadedAt, String summary,
        List<Line> excerpt) {

    public ArtifactRecord {
        excerpt = excerpt == null ? List.of() : List.copyOf(excerpt);
    }

    /** One quoted line of the artifact, 1-based. */
    public record Line(Integer lineNumber, String text) {
    }
}
