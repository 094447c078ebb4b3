package org.slbdoctor.web.instance;

import org.slbdoctor.report.DiagnosisReport.MissingInput;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of one instance's pages, as the model attribute {@code urls}. Built here, with the id
 * encoded once, because Thymeleaf evaluates link expressions in a restricted mode (no bean calls);
 * the observation and artifact form anchors are named in one place.
 */
public record InstanceUrls(String loadBalancerId) {

    public String instance() {
        return path();
    }

    public String observations() {
        return path("observations");
    }

    public String artifacts() {
        return path("artifacts");
    }

    /** The history page; the Run diagnosis form posts here too. */
    public String history() {
        return path("diagnoses");
    }

    public String diff() {
        return path("diagnoses", "diff");
    }

    public String diagnosis(long diagnosisId) {
        return path("diagnoses", String.valueOf(diagnosisId));
    }

    /** {@code record.pdf}, {@code record.md} or {@code record.json} of a diagnosis (REST, session-authenticated). */
    public String record(long diagnosisId, String format) {
        return UriComponentsBuilder.fromPath("/api/instances").pathSegment(loadBalancerId, "diagnoses",
                String.valueOf(diagnosisId), "record." + format).encode().build().toUriString();
    }

    /**
     * Where an operator supplies a missing input: the observation form field ({@code #obs-<field>}) or
     * the artifact form of a kind ({@code #artifact-<kind>}); null for a failed API call (re-run instead).
     */
    public String missing(MissingInput input) {
        if (input.anchor() == null) {
            return null;
        }
        return switch (input.kind()) {
            case "observation" -> observations() + "#" + input.anchor();
            case "artifact" -> artifacts() + "#" + input.anchor();
            default -> null;
        };
    }

    private String path(String... more) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/instances").pathSegment(loadBalancerId);
        if (more.length > 0) {
            b.pathSegment(more);
        }
        return b.encode().build().toUriString();
    }
}
