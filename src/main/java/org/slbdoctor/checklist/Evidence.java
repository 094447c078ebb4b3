package org.slbdoctor.checklist;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of evidence behind a finding. For {@link EvidenceSource#ARTIFACT} lines the artifact's
 * name and the 1-based line number say where the quoted text stands; both are null otherwise.
 * In JSON the two are left out for other sources (API.md: "+artifactName/lineNumber when ARTIFACT").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(EvidenceSource source, String text, String artifactName, Integer lineNumber) {

    public static Evidence api(String text) {
        return new Evidence(EvidenceSource.API, text, null, null);
    }

    public static Evidence observation(String text) {
        return new Evidence(EvidenceSource.OBSERVATION, text, null, null);
    }

    public static Evidence artifact(String artifactName, Integer lineNumber, String text) {
        return new Evidence(EvidenceSource.ARTIFACT, text, artifactName, lineNumber);
    }
}
