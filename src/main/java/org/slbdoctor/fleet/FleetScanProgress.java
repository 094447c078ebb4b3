package org.slbdoctor.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a fleet scan's progress, as the REST API and the page show it.
 *
 * @param regionId the region scanned, {@code null} = every registered instance
 * @param done diagnoses finished (stored, or failed)
 * @param failed runs that stored no diagnosis (e.g. the instance was removed meanwhile, a database error)
 * @param incomplete diagnoses stored with {@code collection.complete=false} (an SLB API call failed for good)
 * @param skipped instances never started because the scan was cancelled
 * @param apiCalls SLB API calls made by the finished diagnoses
 * @param callsPerSecond API calls per second over the last few seconds (the whole scan once it ended)
 * @param etaSeconds estimated seconds until the end; {@code null} before the first diagnosis and once ended
 * @param failures the first failures, one line each
 */
public record FleetScanProgress(
        long id,
        String regionId,
        FleetScanState state,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        int total,
        int done,
        int failed,
        int incomplete,
        int skipped,
        long apiCalls,
        double callsPerSecond,
        Long etaSeconds,
        long elapsedMillis,
        List<Failure> failures) {

    /** One instance whose diagnosis failed, and why. */
    public record Failure(String loadBalancerId, String message) {
    }

    @JsonProperty("percent")
    public int percent() {
        return total == 0 ? 100 : (int) Math.floor(100.0 * (done + skipped) / total);
    }
}
