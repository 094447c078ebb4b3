package org.slbdoctor.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem details for every REST controller ({@code /api/**}). Spring's defaults cover the
 * MVC exceptions and pass {@link org.springframework.web.ErrorResponseException}s through with their
 * properties (e.g. {@code code}); this adds {@code errors:[{field,message}]} to 400s about a body.
 * UI controllers are not covered: their errors go to the HTML error pages.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** One bad field of a request. */
    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setDetail("The request has invalid fields.");
        problem.setProperty("errors", fieldProblems(ex.getBindingResult()));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> {
                if (error instanceof FieldError fieldError) {
                    errors.add(new FieldProblem(fieldError.getField(), fieldError.getDefaultMessage()));
                } else {
                    errors.add(new FieldProblem(name, error.getDefaultMessage()));
                }
            });
        });
        problem.setDetail("The request has invalid fields.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Malformed request body");
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem.setDetail("Unknown field '" + path(unknown) + "'.");
            problem.setProperty("errors", List.of(new FieldProblem(path(unknown), "unknown field")));
        } else if (cause instanceof InvalidFormatException | cause instanceof MismatchedInputException) {
            JacksonException jackson = (JacksonException) cause;
            String field = path(jackson);
            if (field.isEmpty()) {
                problem.setDetail("The request body does not have the expected shape.");
            } else {
                problem.setDetail("Field '" + field + "' has the wrong type or value.");
                problem.setProperty("errors", List.of(new FieldProblem(field, "wrong type or value")));
            }
        } else if (cause instanceof JacksonException) {
            problem.setDetail("The request body is not valid JSON.");
        } else {
            problem.setDetail("The request body is missing or unreadable.");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * A path segment that cannot be an id ({@code /diagnoses/abc}) names no resource: 404, as for an
     * unknown id. A query parameter of the wrong type is a 400 naming it.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName();
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            name = mismatch.getName();
            if (mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "No resource at this path: '" + mismatch.getValue() + "' is not a valid " + name + ".");
                problem.setTitle("Not found");
                return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + name + "' has the wrong type.");
        problem.setTitle("Invalid parameter");
        Class<?> type = ex.getRequiredType();
        problem.setProperty("errors", List.of(new FieldProblem(name, type == null ? "wrong type"
                : type == boolean.class || type == Boolean.class ? "must be true or false"
                : "must be a value of type " + type.getSimpleName())));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Every problem names its type; "about:blank" (RFC 9457 section 4.2.1) unless a thrower chose one. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        return response;
    }

    /** Security exceptions belong to the security filter chain, which answers 401/403. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurity(RuntimeException ex) {
        throw ex;
    }

    /** The last resort: a 500 without internals (the stack trace goes to the log only). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        HttpStatus status = annotated != null ? annotated.code() : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("Unhandled error on {}", request.getDescription(false), ex);
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(status.is5xxServerError() ? "An unexpected error occurred." : annotated.reason());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
    }

    static List<FieldProblem> fieldProblems(BindingResult result) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage()));
        }
        return errors;
    }

    /** "rpFilter.eth0", "observedStatusCodes[1]" from Jackson's path. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

}
