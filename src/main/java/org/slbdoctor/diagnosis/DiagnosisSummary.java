package org.slbdoctor.diagnosis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.slbdoctor.checklist.Status;

/**
 * A history row: what a listing shows, read by a projection that never touches findings or JSON. It
 * carries the identifying fields of a diagnosis (id, loadBalancerId, regionId, createdAt, verdict,
 * collection) under the same names, so a script reads a history item as it reads a diagnosis.
 */
public record DiagnosisSummary(long id, String loadBalancerId, String regionId, Instant createdAt, String createdBy,
        Status verdict, int failCount, int warnCount, int unknownCount, boolean complete, int apiCalls) {

    /** The diagnosis' {@code collection} object without its errors (those are in the diagnosis itself). */
    public record Collection(boolean complete, int apiCalls) {
    }

    @JsonProperty("collection")
    public Collection collection() {
        return new Collection(complete, apiCalls);
    }
}
