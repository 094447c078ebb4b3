package org.slbdoctor.observation;

import java.security.Principal;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/instances/{id}/observations}. The body is read as text and validated field by
 * field ({@link ObservationsJson}) so a 400 lists every bad field, not just the first. The version
 * stored is returned in the {@value #VERSION_HEADER} header. Writes need OPERATOR (security config).
 */
@RestController
@RequestMapping("/api/instances/{loadBalancerId}/observations")
class ObservationController {

    static final String VERSION_HEADER = "Observations-Version";

    private final ObservationService service;

    ObservationController(ObservationService service) {
        this.service = service;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Observations> show(@PathVariable String loadBalancerId) {
        return respond(service.current(loadBalancerId));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Observations> replace(@PathVariable String loadBalancerId, @RequestBody(required = false) String body,
            Principal principal) {
        Observations observations = ObservationsJson.parse(body);
        return respond(service.replace(loadBalancerId, observations, principal == null ? null : principal.getName()));
    }

    /** Two replacements raced for the same version: the loser retries. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> concurrentReplace() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The observations were replaced at the same time by another request; send them again.");
        problem.setTitle("Concurrent update");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Observations> respond(CurrentObservations current) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (current.version() != null) {
            ok.header(VERSION_HEADER, String.valueOf(current.version()));
        }
        return ok.body(current.observations());
    }
}
