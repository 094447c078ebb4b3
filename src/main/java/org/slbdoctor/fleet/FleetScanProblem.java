package org.slbdoctor.fleet;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The errors of the fleet scan API, as problem+json. */
public class FleetScanProblem extends ErrorResponseException {

    private FleetScanProblem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(status, problem(status, title, detail, properties), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    static FleetScanProblem invalidRegion() {
        return new FleetScanProblem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.",
                Map.of("errors", List.of(Map.of("field", "regionId", "message", "must be a region id such as cn-hangzhou"))));
    }

    static FleetScanProblem alreadyRunning(long runningId) {
        return new FleetScanProblem(HttpStatus.CONFLICT, "A fleet scan is already running",
                "Fleet scan " + runningId + " is still running; wait for it or cancel it first.",
                Map.of("scanId", runningId));
    }

    static FleetScanProblem notFound(long id) {
        return new FleetScanProblem(HttpStatus.NOT_FOUND, "Fleet scan not found",
                "There is no fleet scan " + id + " (scans are kept in memory until the application restarts).",
                Map.of());
    }

    /** The id of the running scan, for a 409. */
    public Long runningScanId() {
        Object id = getBody().getProperties() == null ? null : getBody().getProperties().get("scanId");
        return id instanceof Long l ? l : null;
    }
}
