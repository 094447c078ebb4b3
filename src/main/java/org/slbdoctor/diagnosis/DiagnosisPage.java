package org.slbdoctor.diagnosis;

import java.util.List;

/** A page of history, in the page shape of API.md. */
public record DiagnosisPage(List<DiagnosisSummary> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;
}
