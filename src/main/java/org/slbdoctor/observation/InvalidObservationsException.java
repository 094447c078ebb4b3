package org.slbdoctor.observation;

import java.util.List;
import org.slbdoctor.web.ApiExceptionHandler.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 listing every bad field of an observations body. The problem's {@code errors} name the fields
 * of the schema (API.md), one entry per field: {@code rpFilter} with "eth0: must be 0, 1 or 2; lo: ...",
 * not one entry per interface. {@link #errors()} keeps the entries apart ({@code rpFilter.eth0},
 * {@code observedStatusCodes[1]}) for the observations form, which shows each next to its input.
 */
public class InvalidObservationsException extends ErrorResponseException {

    private final transient List<FieldProblem> errors;

    /** @param byField the same problems, one per schema field; null when they are the same list */
    public InvalidObservationsException(List<FieldProblem> errors, List<FieldProblem> byField) {
        super(HttpStatus.BAD_REQUEST, problem(byField == null ? errors : byField), null);
        this.errors = List.copyOf(errors);
    }

    /** Each problem, entries of an array or object apart. */
    public List<FieldProblem> errors() {
        return errors;
    }

    private static ProblemDetail problem(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "The observations have an invalid field."
                        : "The observations have " + errors.size() + " invalid fields.");
        problem.setTitle("Invalid observations");
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }
}
