package org.slbdoctor.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.SlbSnapshot;

/**
 * A stored diagnosis read back whole: findings in checklist order, the SLB snapshot it was judged
 * on, and the observations and artifacts it used. Immutable, like the rows it comes from.
 */
public record DiagnosisRecord(
        long id,
        String loadBalancerId,
        String regionId,
        Instant createdAt,
        String createdBy,
        Status verdict,
        boolean complete,
        int apiCalls,
        Integer observationsVersion,
        List<Long> artifactIds,
        List<Finding> findings,
        SlbSnapshot snapshot,
        Observations observations,
        List<ArtifactRecord> artifacts) {

    public DiagnosisRecord {
        artifactIds = artifactIds == null ? List.of() : List.copyOf(artifactIds);
        findings = findings == null ? List.of() : List.copyOf(findings);
        observations = observations == null ? Observations.NONE : observations;
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    public Optional<Finding> finding(String checkId) {
        return findings.stream().filter(f -> f.checkId().equals(checkId)).findFirst();
    }

    public DiagnosisView toView() {
        return new DiagnosisView(id, loadBalancerId, regionId, createdAt, createdBy, verdict,
                new DiagnosisView.Collection(complete, apiCalls, snapshot == null ? List.of() : snapshot.errors()),
                observationsVersion, artifactIds, findings);
    }
}
