package org.slbdoctor.checklist;

import java.util.Comparator;
import java.util.List;
import org.slbdoctor.artifact.AnalyzedArtifact;
import org.slbdoctor.artifact.ArtifactFacts;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.SlbSnapshot;

/**
 * Everything a check may read, immutable: the SLB API snapshot, the operator's observations, the
 * analyzed artifacts (in upload order) and the check settings. Checks are pure functions of it.
 */
public record EvidenceSnapshot(SlbSnapshot slb, Observations observations, List<AnalyzedArtifact> artifacts,
        CheckSettings settings) {

    public EvidenceSnapshot {
        observations = observations == null ? Observations.NONE : observations;
        artifacts = artifacts == null ? List.of()
                : artifacts.stream().sorted(Comparator.comparing(AnalyzedArtifact::uploadedAt)
                        .thenComparingLong(AnalyzedArtifact::id)).toList();
        settings = settings == null ? CheckSettings.DEFAULTS : settings;
    }

    public List<AnalyzedArtifact> artifactsOf(ArtifactKind kind) {
        return artifacts.stream().filter(a -> a.kind() == kind).toList();
    }

    /** The facts of every artifact of one kind, in upload order, typed. */
    public <T extends ArtifactFacts> List<T> factsOf(ArtifactKind kind, Class<T> type) {
        return artifactsOf(kind).stream().map(AnalyzedArtifact::facts).map(type::cast).toList();
    }
}
