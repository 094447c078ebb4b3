package org.slbdoctor.checklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slbdoctor.slb.CollectionError;
import org.slbdoctor.slb.SlbSnapshot;

/**
 * Evaluates a check's rules top to bottom with CHECKLIST.md's semantics for failed SLB API calls:
 * <ul>
 * <li>a rule that needs missing data is skipped (a rule states what it needs only when its other
 * inputs could make it match);</li>
 * <li>a skipped {@code NOT_APPLICABLE} rule makes the check {@code UNKNOWN} at once;</li>
 * <li>a {@code FAIL}/{@code WARN} rule whose data is there matches as usual;</li>
 * <li>a {@code PASS} rule matches only if no earlier rule was skipped;</li>
 * <li>when nothing matches the check is {@code UNKNOWN}, naming the failed calls by SDK action and code.</li>
 * </ul>
 */
public final class Rules {

    private final SlbSnapshot slb;
    private final Set<ApiPart> skippedParts = new LinkedHashSet<>();
    private final List<Integer> skippedRules = new ArrayList<>();
    private int ruleNumber;
    private Status status;
    private String summary;
    private boolean applicabilityUnknown;

    public Rules(SlbSnapshot slb) {
        this.slb = slb;
    }

    /** What evaluating one rule gave. */
    public sealed interface Outcome permits Match, NoMatch, Skip {
    }

    public record Match(String summary) implements Outcome {
    }

    public record NoMatch() implements Outcome {
    }

    /** The rule could match but the data it needs is missing. */
    public record Skip(Set<ApiPart> missing) implements Outcome {
    }

    public static Outcome match(String summary) {
        return new Match(summary);
    }

    public static Outcome noMatch() {
        return new NoMatch();
    }

    public static Outcome skip(Collection<ApiPart> missing) {
        return new Skip(new LinkedHashSet<>(missing));
    }

    /** The parts of {@code needed} the snapshot lacks. */
    public List<ApiPart> missing(Collection<ApiPart> needed) {
        return needed.stream().filter(p -> !p.collected(slb)).toList();
    }

    /**
     * A rule with a fixed need: skipped when one of {@code needs} is missing, else {@code matcher}
     * gives the summary when it matches and null when it does not.
     */
    public Rules rule(Status ruleStatus, Collection<ApiPart> needs, Supplier<String> matcher) {
        return rule(ruleStatus, () -> {
            List<ApiPart> missing = missing(needs);
            if (!missing.isEmpty()) {
                return skip(missing);
            }
            String s = matcher.get();
            return s == null ? noMatch() : match(s);
        });
    }

    /** A rule that works out itself whether it matches, does not, or lacks data (e.g. on partial data). */
    public Rules rule(Status ruleStatus, Supplier<Outcome> body) {
        ruleNumber++;
        if (decided()) {
            return this;
        }
        if (ruleStatus == Status.PASS && !skippedParts.isEmpty()) {
            return this;
        }
        Outcome outcome = body.get();
        if (outcome instanceof Match m) {
            status = ruleStatus;
            summary = m.summary();
        } else if (outcome instanceof Skip s) {
            skippedParts.addAll(s.missing());
            skippedRules.add(ruleNumber);
            if (ruleStatus == Status.NOT_APPLICABLE) {
                applicabilityUnknown = true;
                status = Status.UNKNOWN;
                summary = "It cannot be told whether this cause can occur on the instance at all: "
                        + failedCallsSentence() + ".";
            }
        }
        return this;
    }

    public boolean decided() {
        return status != null;
    }

    public boolean anySkipped() {
        return !skippedParts.isEmpty();
    }

    /**
     * The finding: the status of the first matching rule, else UNKNOWN with {@code unknownSummary},
     * naming {@code unknownInputs} (observation fields, artifact kinds) and the failed calls.
     */
    public Finding finish(Check check, EvidenceLog evidence, String unknownSummary, List<String> unknownInputs) {
        for (ApiPart part : skippedParts) {
            for (CollectionError e : part.failures(slb)) {
                evidence.api(e.action() + " failed: " + (e.code() == null ? "unknown error" : e.code())
                        + (e.message() == null || e.message().isBlank() ? "" : " — " + e.message())
                        + (e.requestId() == null ? "" : " (RequestId " + e.requestId() + ")"));
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        Status finalStatus = status;
        String finalSummary = summary;
        if (finalStatus == null) {
            finalStatus = Status.UNKNOWN;
            missing.addAll(unknownInputs);
            finalSummary = unknownSummary;
            if (!skippedParts.isEmpty()) {
                finalSummary = finalSummary + " " + ruleWord() + " could not be evaluated because "
                        + failedCallsSentence() + ", so the cause cannot be ruled out.";
            }
        }
        if (finalStatus == Status.UNKNOWN) {
            skippedParts.forEach(p -> missing.addAll(p.missingInputs(slb)));
            if (applicabilityUnknown) {
                missing.retainAll(skippedParts.stream().flatMap(p -> p.missingInputs(slb).stream()).toList());
            }
        }
        return new Finding(check.id(), finalStatus, check.title(), finalSummary, evidence.lines(),
                check.resolution(java.util.Locale.ENGLISH), check.guideSection(), List.copyOf(missing));
    }

    private String ruleWord() {
        return (skippedRules.size() == 1 ? "Rule " : "Rules ")
                + skippedRules.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private String failedCallsSentence() {
        List<String> calls = new ArrayList<>();
        for (ApiPart part : skippedParts) {
            List<CollectionError> failures = part.failures(slb);
            if (failures.isEmpty()) {
                calls.add(part.action() + " was not collected");
            } else {
                failures.forEach(e -> calls.add(e.action() + " failed with "
                        + (e.code() == null ? "an unknown error" : e.code())));
            }
        }
        return String.join(" and ", new LinkedHashSet<>(calls));
    }
}
