package org.slbdoctor.observation;

import java.util.List;
import org.slbdoctor.web.ApiExceptionHandler.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 400 listing every bad field of an observations body. */
public class InvalidObservationsException extends ErrorResponseException {

    private final transient List<FieldProblem> errors;

    public InvalidObservationsException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
        this.errors = List.copyOf(errors);
    }

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
