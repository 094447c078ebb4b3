package org.slbdoctor.artifact;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused upload: 400 problem+json with a {@code code} and the bad field in {@code errors}. */
public class InvalidArtifactException extends ErrorResponseException {

    public InvalidArtifactException(String code, String field, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(code, field, detail), null);
    }

    private static ProblemDetail problem(String code, String field, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Invalid artifact");
        p.setProperty("code", code);
        p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        if (field.equals("kind")) {
            p.setProperty("allowedKinds", ArtifactService.allowedKinds());
        }
        return p;
    }
}
