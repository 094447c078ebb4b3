package org.slbdoctor.artifact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused upload: 400 problem+json listing every bad field in {@code errors} ({@code field},
 * {@code message}), with the {@code code} of the first (e.g. UnknownArtifactKind, EmptyContent,
 * BinaryContent, ContentTooLarge).
 */
public class InvalidArtifactException extends ErrorResponseException {

    /** One bad field of an upload and the code that says why. */
    public record Problem(String code, String field, String message) {
    }

    private final transient List<Problem> problems;

    public InvalidArtifactException(String code, String field, String detail) {
        this(List.of(new Problem(code, field, detail)));
    }

    public InvalidArtifactException(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST, problem(problems), null);
        this.problems = List.copyOf(problems);
    }

    /** Every bad field, in the order they were checked. */
    public List<Problem> problems() {
        return problems;
    }

    static InvalidArtifactException tooLarge(String field, String detail) {
        return new InvalidArtifactException("ContentTooLarge", field, detail);
    }

    private static ProblemDetail problem(List<Problem> problems) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
        p.setTitle("Invalid artifact");
        p.setProperty("code", problems.get(0).code());
        p.setProperty("errors", problems.stream().map(InvalidArtifactException::entry).toList());
        if (problems.stream().anyMatch(e -> e.field().equals("kind"))) {
            p.setProperty("allowedKinds", ArtifactService.allowedKinds());
        }
        return p;
    }

    private static Map<String, String> entry(Problem problem) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("field", problem.field());
        e.put("message", problem.message());
        return e;
    }
}
