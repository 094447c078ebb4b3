package org.slbdoctor.diagnosis;

import java.time.Instant;
import java.util.List;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.slb.CollectionError;

/** The diagnosis JSON of API.md (plus createdBy, observationsVersion and artifactIds). */
public record DiagnosisView(
        long id,
        String loadBalancerId,
        String regionId,
        Instant createdAt,
        String createdBy,
        Status verdict,
        Collection collection,
        Integer observationsVersion,
        List<Long> artifactIds,
        List<Finding> findings) {

    public record Collection(boolean complete, int apiCalls, List<CollectionError> errors) {
    }
}
