package org.slbdoctor.diagnosis;

import java.util.List;
import org.slbdoctor.checklist.Evidence;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Turns the stored JSON columns into records and back; one place that knows their shape. */
@Component
class DiagnosisCodec {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<ArtifactRecord>> ARTIFACTS = new TypeReference<>() { };

    private final ObjectMapper json;

    DiagnosisCodec(ObjectMapper json) {
        this.json = json;
    }

    String write(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    SlbSnapshot snapshot(String text) {
        return text == null ? null : json.readValue(text, SlbSnapshot.class);
    }

    Observations observations(String text) {
        return text == null ? Observations.NONE : json.readValue(text, Observations.class);
    }

    List<ArtifactRecord> artifacts(String text) {
        return text == null ? List.of() : json.readValue(text, ARTIFACTS);
    }

    StoredFinding toRow(Diagnosis diagnosis, int position, Finding f) {
        return new StoredFinding(diagnosis, position, f.checkId(), f.status(), f.title(), f.summary(),
                write(f.evidence()), f.resolution(), f.guideSection(), write(f.missing()));
    }

    Finding toFinding(StoredFinding row) {
        List<Evidence> evidence = row.getEvidenceJson() == null ? List.of() : json.readValue(row.getEvidenceJson(), EVIDENCE);
        List<String> missing = row.getMissingJson() == null ? List.of() : json.readValue(row.getMissingJson(), STRINGS);
        return new Finding(row.getCheckId(), row.getStatus(), row.getTitle(), row.getSummary(), evidence,
                row.getResolution(), row.getGuideSection(), missing);
    }

    DiagnosisRecord toRecord(Diagnosis d) {
        return new DiagnosisRecord(d.getId(), d.getInstance().getLoadBalancerId(), d.getInstance().getRegionId(),
                d.getCreatedAt(), d.getCreatedBy(), d.getVerdict(), d.isComplete(), d.getApiCalls(),
                d.getObservationVersion(), d.getArtifactIds(), d.getFindings().stream().map(this::toFinding).toList(),
                snapshot(d.getSnapshotJson()), observations(d.getObservationsJson()), artifacts(d.getArtifactsJson()));
    }
}
