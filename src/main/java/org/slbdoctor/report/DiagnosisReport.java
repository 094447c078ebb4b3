package org.slbdoctor.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slbdoctor.checklist.EvidenceSource;
import org.slbdoctor.checklist.Status;

/**
 * The one report model of a stored diagnosis, rendered as the instance page, the PDF record,
 * Markdown and JSON. Everything a renderer shows is here already decided and localized: labels,
 * "not known" / "not done" texts, CSS class names. User and API text (instance names, notes,
 * evidence lines, artifact excerpts) is kept as-is, never pre-escaped: each renderer escapes for
 * its own format.
 *
 * @param labels section headings and column names in the report's locale, keyed by the message key
 *               without its {@code report.} prefix (e.g. {@code section.findings})
 */
public record DiagnosisReport(
        String locale,
        InstanceInfo instance,
        Meta meta,
        List<ReportFinding> findings,
        List<FindingGroup> findingGroups,
        List<MissingInput> missingInputs,
        boolean listenersKnown,
        List<ListenerRow> listeners,
        List<BackendRow> backends,
        HealthGrid healthGrid,
        List<ObservationRow> observations,
        String notes,
        List<TroubleshootingStep> troubleshootingSteps,
        List<ArtifactRow> artifacts,
        List<ApiCallRow> apiCalls,
        List<ErrorRow> collectionErrors,
        String ticketSummary,
        Map<String, String> labels) {

    /** A label by its key (without {@code report.}); the key itself when unknown, so a gap shows. */
    public String label(String key) {
        return labels.getOrDefault(key, key);
    }

    public record InstanceInfo(String loadBalancerId, String name, String regionId, String address,
            String addressType, String networkType, String status, String statusCss) {
    }

    /**
     * @param createdAtText the UTC time as people read it, {@code 2026-11-23 10:00:00 UTC}
     * @param createdBy who ran it; null when unknown
     */
    public record Meta(long diagnosisId, Instant createdAt, String createdAtText, Status verdict, String verdictLabel,
            String verdictCss, String createdBy, String appVersion, boolean complete, String collectionText, int apiCallCount,
            Integer observationsVersion, int failCount, int warnCount, int unknownCount, int passCount,
            int notApplicableCount) {
    }

    /** A check's finding; {@code position} is its 1-based place in the checklist. */
    public record ReportFinding(int position, String checkId, Status status, String statusLabel, String statusCss,
            String title, String summary, List<EvidenceLine> evidence, String resolution, String guideSection,
            String guideSectionLabel, List<MissingInput> missing) {
    }

    /** {@code location} is {@code "name:line"} for artifact lines, null otherwise. */
    public record EvidenceLine(EvidenceSource source, String sourceLabel, String sourceCss, String text,
            String artifactName, Integer lineNumber, String location) {
    }

    /** Findings of one status, for the worst-first grouping of the page. */
    public record FindingGroup(Status status, String label, String css, List<ReportFinding> findings) {
    }

    /**
     * An input that would decide an UNKNOWN: {@code kind} is {@code observation}, {@code artifact} or
     * {@code api}; {@code name} the field, artifact kind or SDK action; {@code anchor} the id of the
     * observation form field ({@code obs-<field>}) or artifact form ({@code artifact-<kind>}), null for api.
     */
    public record MissingInput(String code, String kind, String name, String label, String anchor,
            List<String> checkIds) {
    }

    /** Timeouts and settings are null when the protocol has none or the API did not say. */
    public record ListenerRow(String label, int port, String protocol, String status, String statusCss,
            boolean healthCheckOn, String healthCheckText, String healthCheckSettings, Integer requestTimeout,
            Integer idleTimeout, Integer establishedTimeout, Integer backendServerPort, String vServerGroupId,
            String scheduler) {
    }

    public record BackendRow(String serverId, String serverIp, String ports, Integer weight, String type,
            String description, List<String> listeners) {
    }

    /**
     * Rows are listeners, columns backends. {@code known} is false when DescribeHealthStatus failed:
     * attached cells are then {@code unknown}.
     */
    public record HealthGrid(boolean known, List<BackendRow> columns, List<HealthRow> rows) {
    }

    public record HealthRow(String listener, List<HealthCell> cells) {
    }

    /**
     * {@code state}: {@code normal}, {@code abnormal}, {@code unavailable}, {@code unknown}, or
     * {@code none} when the backend does not serve this listener; {@code css} is {@code health-<state>}.
     */
    public record HealthCell(String serverId, String state, String label, String css, String ports) {
    }

    /** {@code value} is the localized text; {@code raw} the typed value as stored (null when not known). */
    public record ObservationRow(String field, String label, boolean known, String value, String guideSection,
            Object raw) {
    }

    /** The observation row of a field (API.md name), if the schema has it. */
    public Optional<ObservationRow> observation(String field) {
        return observations.stream().filter(o -> o.field().equals(field)).findFirst();
    }

    /**
     * A step of the guide's "Troubleshooting" list with what was recorded for it. {@code done} is
     * false when nothing records its result; {@code result} is then the localized "not done".
     */
    public record TroubleshootingStep(int number, String text, boolean done, String result, List<String> results,
            List<String> checkIds, Status status, String statusCss, List<String> inputs) {
    }

    public record ArtifactRow(long id, String kind, String name, Instant uploadedAt, String summary,
            List<ExcerptLine> excerpt) {
    }

    public record ExcerptLine(Integer lineNumber, String text) {
    }

    public record ApiCallRow(String action, String requestId, long durationMillis, int attempts, String errorCode,
            boolean succeeded) {
    }

    public record ErrorRow(String action, String code, String requestId, String message) {
    }
}
