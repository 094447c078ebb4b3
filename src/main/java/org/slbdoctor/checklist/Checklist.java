package org.slbdoctor.checklist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs every {@link Check} Spring found (ordered by their {@code @Order}) on one evidence snapshot.
 * A check that throws does not sink the run: it yields an UNKNOWN finding carrying the error.
 */
@Service
public class Checklist {

    private static final Logger log = LoggerFactory.getLogger(Checklist.class);

    private final List<Check> checks;

    public Checklist(List<Check> checks) {
        Set<String> ids = new HashSet<>();
        for (Check check : checks) {
            if (!ids.add(check.id())) {
                throw new IllegalStateException("two checks share the id " + check.id());
            }
        }
        this.checks = List.copyOf(checks);
    }

    public List<Check> checks() {
        return checks;
    }

    public Optional<Check> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public ChecklistResult run(EvidenceSnapshot evidence) {
        List<Finding> findings = new ArrayList<>(checks.size());
        for (Check check : checks) {
            findings.add(evaluateSafely(check, evidence));
        }
        return ChecklistResult.of(findings);
    }

    static Finding evaluateSafely(Check check, EvidenceSnapshot evidence) {
        try {
            Finding finding = check.evaluate(evidence);
            if (finding == null) {
                throw new IllegalStateException("the check returned no finding");
            }
            return finding;
        } catch (RuntimeException e) {
            log.warn("check {} failed on {}", check.id(),
                    evidence.slb() == null ? "?" : evidence.slb().loadBalancerId(), e);
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Finding(check.id(), Status.UNKNOWN, check.title(),
                    "The check could not be evaluated because of an internal error (" + error
                            + "); its cause is neither confirmed nor ruled out.",
                    List.of(), check.resolution(Locale.ENGLISH), check.guideSection(), List.of());
        }
    }
}
