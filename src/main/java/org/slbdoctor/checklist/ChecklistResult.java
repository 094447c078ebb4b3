package org.slbdoctor.checklist;

import java.util.List;

/** The findings of one checklist run, in CHECKLIST.md order, and the verdict: their worst status. */
public record ChecklistResult(List<Finding> findings, Status verdict) {

    public ChecklistResult {
        findings = List.copyOf(findings);
    }

    public static ChecklistResult of(List<Finding> findings) {
        return new ChecklistResult(findings, Status.worst(findings.stream().map(Finding::status).toList()));
    }

    public long count(Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}
