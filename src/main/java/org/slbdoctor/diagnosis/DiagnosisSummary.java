package org.slbdoctor.diagnosis;

import java.time.Instant;
import org.slbdoctor.checklist.Status;

/** A history row: what a listing shows, read by a projection that never touches findings or JSON. */
public record DiagnosisSummary(long id, Instant createdAt, String createdBy, Status verdict, int failCount,
        int warnCount, int unknownCount, boolean complete, int apiCalls) {
}
