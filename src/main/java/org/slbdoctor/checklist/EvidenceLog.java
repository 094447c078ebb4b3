package org.slbdoctor.checklist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The evidence lines a check gathers while it reads its inputs, in reading order, without duplicates. */
public final class EvidenceLog {

    private final Set<Evidence> lines = new LinkedHashSet<>();

    public EvidenceLog api(String text) {
        lines.add(Evidence.api(text));
        return this;
    }

    public EvidenceLog observation(String field, Object value) {
        lines.add(Evidence.observation(field + " = " + (value == null ? "not known" : value)));
        return this;
    }

    public EvidenceLog observationText(String text) {
        lines.add(Evidence.observation(text));
        return this;
    }

    public EvidenceLog artifact(String artifactName, Integer lineNumber, String text) {
        lines.add(Evidence.artifact(artifactName, lineNumber, text));
        return this;
    }

    public EvidenceLog add(Evidence evidence) {
        lines.add(evidence);
        return this;
    }

    public List<Evidence> lines() {
        return List.copyOf(new ArrayList<>(lines));
    }
}
