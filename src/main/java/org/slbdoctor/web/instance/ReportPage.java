package org.slbdoctor.web.instance;

import org.slbdoctor.report.DiagnosisReport;

/** What the instance page and the page of an older diagnosis render: the report and its topology. */
public record ReportPage(DiagnosisReport report, Topology topology) {
}
