package org.slbdoctor.instance;

import java.util.List;
import org.slbdoctor.slb.SlbApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Why an instance could not be registered, as an RFC 9457 problem ({@code code} when the SLB API gave one). */
public class InstanceProblem extends ErrorResponseException {

    /** One bad field, the shape the global handler uses for 400s. */
    public record FieldProblem(String field, String message) {
    }

    private InstanceProblem(HttpStatus status, String title, String detail, Throwable cause) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
        getBody().setTitle(title);
    }

    public static InstanceProblem invalid(List<FieldProblem> errors) {
        InstanceProblem p = new InstanceProblem(HttpStatus.BAD_REQUEST, "Invalid instance",
                "The request has invalid fields.", null);
        p.getBody().setProperty("errors", errors);
        return p;
    }

    public static InstanceProblem alreadyRegistered(String loadBalancerId) {
        return new InstanceProblem(HttpStatus.CONFLICT, "Already registered",
                "Instance " + loadBalancerId + " is already registered.", null);
    }

    /** The title of every 404 for an instance id that is not registered, whichever endpoint answers it. */
    public static final String NOT_FOUND_TITLE = "Instance not found";

    /** The detail of that 404: one wording for every endpoint, saying what to do. */
    public static String notFoundDetail(String loadBalancerId) {
        return "No registered instance " + loadBalancerId + "; register it first (POST /api/instances).";
    }

    public static InstanceProblem notFound(String loadBalancerId) {
        return new InstanceProblem(HttpStatus.NOT_FOUND, NOT_FOUND_TITLE, notFoundDetail(loadBalancerId), null);
    }

    public static InstanceProblem unknownRegion(String regionId) {
        InstanceProblem p = new InstanceProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown region",
                "The SLB API does not know the region " + regionId + " (see GET /api/regions).", null);
        p.getBody().setProperty("code", "UnknownRegion");
        return p;
    }

    /** 422 when the SLB API says the instance does not exist, 502 for every other API failure. */
    public static InstanceProblem fromApi(SlbApiException e) {
        boolean notFound = e.kind() == SlbApiException.Kind.NOT_FOUND;
        InstanceProblem p = new InstanceProblem(notFound ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_GATEWAY,
                notFound ? "Instance not found in the SLB API" : "SLB API failed", e.getMessage(), e);
        p.getBody().setProperty("code", e.code());
        if (e.requestId() != null) {
            p.getBody().setProperty("requestId", e.requestId());
        }
        p.getBody().setProperty("kind", e.kind().name());
        return p;
    }
}
