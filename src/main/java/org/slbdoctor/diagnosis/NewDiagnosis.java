package org.slbdoctor.diagnosis;

import java.time.Instant;
import java.util.List;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.SlbSnapshot;

/** Everything a finished run produced, ready to be stored in one transaction. */
record NewDiagnosis(String loadBalancerId, Instant createdAt, String createdBy, SlbSnapshot snapshot,
        Integer observationsVersion, Observations observations, List<ArtifactRecord> artifacts,
        List<Finding> findings, Status verdict) {
}
