package org.slbdoctor.diagnosis;

import org.slbdoctor.instance.InstanceProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 as problem+json: an unknown instance, or a diagnosis id that is not one of this instance's. */
public class DiagnosisNotFound extends ErrorResponseException {

    private DiagnosisNotFound(String title, String detail) {
        super(HttpStatus.NOT_FOUND, problem(title, detail), null);
    }

    private static ProblemDetail problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return problem;
    }

    public static DiagnosisNotFound instance(String loadBalancerId) {
        return new DiagnosisNotFound(InstanceProblem.NOT_FOUND_TITLE, InstanceProblem.notFoundDetail(loadBalancerId));
    }

    public static DiagnosisNotFound diagnosis(String loadBalancerId, long id) {
        return new DiagnosisNotFound("Diagnosis not found",
                "Instance " + loadBalancerId + " has no diagnosis " + id + ".");
    }
}
