package org.slbdoctor.web;

import java.util.ArrayList;
import java.util.List;
import org.slbdoctor.web.ApiExceptionHandler.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code page} and {@code size} query parameters of every listing of the REST API (API.md: optional,
 * defaults 0 and 50, {@code size} at most 500), the same on every listing. API.md lists no error for a
 * listing, so values out of range are brought into it as Spring Data does: a {@code size} above 500 is
 * 500, below 1 the default, a negative {@code page} is 0; the page object's {@code page} and {@code size}
 * say what was served. Only what is not a request at all is a 400 naming the parameter: a value that is
 * not an integer, or a page so far out that the database cannot skip to it.
 */
public record PageParams(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** Parses the raw parameters; absent or empty means the default. */
    public static PageParams of(String page, String size) {
        List<FieldProblem> errors = new ArrayList<>();
        Integer p = parse("page", page, 0, errors);
        Integer s = parse("size", size, DEFAULT_SIZE, errors);
        if (p != null && p < 0) {
            p = 0;
        }
        if (s != null) {
            s = s < 1 ? DEFAULT_SIZE : Math.min(s, MAX_SIZE);
        }
        if (errors.isEmpty() && (long) p * s > Integer.MAX_VALUE) {
            // the database cannot skip more rows than that; no listing has that many anyway
            errors.add(new FieldProblem("page", "must be at most " + Integer.MAX_VALUE / s + " with size " + s));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new PageParams(p, s);
    }

    private static Integer parse(String name, String raw, int fallback, List<FieldProblem> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldProblem(name, "must be an integer"));
            return null;
        }
    }

    private static ErrorResponseException invalid(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid paging parameters: page and size must be integers (page from 0, size up to " + MAX_SIZE + ").");
        problem.setTitle("Invalid page request");
        problem.setProperty("errors", List.copyOf(errors));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
