package org.slbdoctor.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slbdoctor.SlbDoctorApplication;
import org.slbdoctor.checklist.Evidence;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.ArtifactRecord;
import org.slbdoctor.diagnosis.DiagnosisRecord;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.report.DiagnosisReport.ApiCallRow;
import org.slbdoctor.report.DiagnosisReport.ArtifactRow;
import org.slbdoctor.report.DiagnosisReport.ErrorRow;
import org.slbdoctor.report.DiagnosisReport.EvidenceLine;
import org.slbdoctor.report.DiagnosisReport.ExcerptLine;
import org.slbdoctor.report.DiagnosisReport.FindingGroup;
import org.slbdoctor.report.DiagnosisReport.InstanceInfo;
import org.slbdoctor.report.DiagnosisReport.Meta;
import org.slbdoctor.report.DiagnosisReport.MissingInput;
import org.slbdoctor.report.DiagnosisReport.ObservationRow;
import org.slbdoctor.report.DiagnosisReport.ReportFinding;
import org.slbdoctor.report.DiagnosisReport.TroubleshootingStep;
import org.slbdoctor.slb.InstanceAttributes;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link DiagnosisReport} of a stored diagnosis in one locale. A pure read: the
 * diagnosis is immutable, so the same (diagnosis, locale) always gives the same report.
 */
@Service
public class ReportService {

    static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final DiagnosisService diagnoses;
    private final SlbInstanceRepository instances;
    private final MessageSource messages;
    private final String appVersion;
    private final List<CheckText> checkTexts;

    ReportService(DiagnosisService diagnoses, SlbInstanceRepository instances, MessageSource messages,
            ObjectProvider<BuildProperties> buildProperties, ObjectProvider<CheckText> checkTexts) {
        this.diagnoses = diagnoses;
        this.instances = instances;
        this.messages = messages;
        this.checkTexts = checkTexts.orderedStream().toList();
        BuildProperties build = buildProperties.getIfAvailable();
        String version = build != null ? build.getVersion() : SlbDoctorApplication.class.getPackage().getImplementationVersion();
        this.appVersion = version != null ? version : "dev";
    }

    /** @throws org.slbdoctor.diagnosis.DiagnosisNotFound (404) for an unknown instance or diagnosis */
    @Transactional(readOnly = true)
    public DiagnosisReport build(String loadBalancerId, long diagnosisId, Locale locale) {
        DiagnosisRecord record = diagnoses.get(loadBalancerId, diagnosisId);
        SlbInstance instance = instances.findByLoadBalancerId(loadBalancerId).orElse(null);
        return new Builder(record, instance, locale == null ? Locale.ENGLISH : locale).build();
    }

    /** Localized check titles and resolutions, when a source for them exists (the checklist). */
    public interface CheckText {
        Optional<String> title(String checkId, Locale locale);

        Optional<String> resolution(String checkId, Locale locale);
    }

    private final class Builder {
        private final DiagnosisRecord d;
        private final SlbInstance instance;
        private final Locale locale;
        private final SlbSnapshot s;

        Builder(DiagnosisRecord d, SlbInstance instance, Locale locale) {
            this.d = d;
            this.instance = instance;
            this.locale = locale;
            this.s = d.snapshot();
        }

        DiagnosisReport build() {
            List<ReportFinding> findings = findings();
            var tables = new SlbTables(s, this::msg);
            InstanceInfo info = instanceInfo();
            Meta meta = meta();
            List<TroubleshootingStep> steps = steps();
            return new DiagnosisReport(locale.toLanguageTag(), info, meta, findings, groups(findings),
                    missingInputs(findings), s != null && s.listenersKnown(), tables.listeners(), tables.backends(),
                    tables.healthGrid(), observations(), d.observations().notes(), steps, artifacts(), apiCalls(),
                    errors(), ticketSummary(info, meta, findings, steps), labels());
        }

        private InstanceInfo instanceInfo() {
            InstanceAttributes a = s == null ? null : s.instance();
            String name = a != null ? a.name() : instance == null ? null : instance.getName();
            String address = a != null ? a.address() : instance == null ? null : instance.getAddress();
            String addressType = a != null ? a.addressType() : instance == null ? null : instance.getAddressType();
            String networkType = a != null ? a.networkType() : instance == null ? null : instance.getNetworkType();
            String status = a != null ? a.status() : instance == null ? null : instance.getStatus();
            return new InstanceInfo(d.loadBalancerId(), name, d.regionId(), address, addressType, networkType, status,
                    status == null ? "instance-unknown" : "instance-" + status.toLowerCase(Locale.ROOT));
        }

        private Meta meta() {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            d.findings().forEach(f -> counts.merge(f.status(), 1, Integer::sum));
            int failedCalls = s == null ? 0 : (int) s.calls().stream().filter(c -> !c.succeeded()).count();
            String collection = d.complete() ? msg("report.meta.complete", d.apiCalls())
                    : msg("report.meta.incomplete", d.apiCalls(), Math.max(failedCalls, s == null ? 0 : s.errors().size()));
            return new Meta(d.id(), d.createdAt(), UTC_TEXT.format(d.createdAt()), d.verdict(),
                    msg("report.status." + d.verdict()), css(d.verdict()), d.createdBy(), appVersion, d.complete(),
                    collection, d.apiCalls(), d.observationsVersion(), counts.getOrDefault(Status.FAIL, 0),
                    counts.getOrDefault(Status.WARN, 0), counts.getOrDefault(Status.UNKNOWN, 0),
                    counts.getOrDefault(Status.PASS, 0), counts.getOrDefault(Status.NOT_APPLICABLE, 0));
        }

        private List<ReportFinding> findings() {
            List<ReportFinding> rows = new ArrayList<>();
            for (int i = 0; i < d.findings().size(); i++) {
                Finding f = d.findings().get(i);
                String title = localizedTitle(f);
                String resolution = checkTexts.stream().map(t -> t.resolution(f.checkId(), locale))
                        .flatMap(Optional::stream).findFirst().orElse(f.resolution());
                rows.add(new ReportFinding(i + 1, f.checkId(), f.status(), msg("report.status." + f.status()),
                        css(f.status()), title, f.summary(), f.evidence().stream().map(this::evidence).toList(),
                        resolution, f.guideSection(), guideSection(f.guideSection()),
                        f.missing().stream().map(code -> missing(code, List.of(f.checkId()))).toList()));
            }
            return rows;
        }

        private String localizedTitle(Finding f) {
            return checkTexts.stream().map(t -> t.title(f.checkId(), locale)).flatMap(Optional::stream).findFirst()
                    .orElse(f.title());
        }

        private EvidenceLine evidence(Evidence e) {
            String location = e.artifactName() == null ? null
                    : e.lineNumber() == null ? e.artifactName() : e.artifactName() + ":" + e.lineNumber();
            return new EvidenceLine(e.source(), msg("report.source." + e.source()),
                    "source-" + e.source().name().toLowerCase(Locale.ROOT), e.text(), e.artifactName(),
                    e.lineNumber(), location);
        }

        private String guideSection(String section) {
            if (section == null || section.isBlank() || "—".equals(section) || "-".equals(section)) {
                return msg("report.beyondGuide");
            }
            return msg("report.guideSection", section);
        }

        private List<FindingGroup> groups(List<ReportFinding> findings) {
            List<FindingGroup> groups = new ArrayList<>();
            for (Status status : Status.values()) { // declared worst first
                List<ReportFinding> of = findings.stream().filter(f -> f.status() == status).toList();
                if (!of.isEmpty()) {
                    groups.add(new FindingGroup(status, msg("report.status." + status), css(status), of));
                }
            }
            return groups;
        }

        /** Every input that would decide an UNKNOWN, once, with the checks waiting for it. */
        private List<MissingInput> missingInputs(List<ReportFinding> findings) {
            Map<String, List<String>> byCode = new LinkedHashMap<>();
            for (ReportFinding f : findings) {
                for (MissingInput m : f.missing()) {
                    byCode.computeIfAbsent(m.code(), k -> new ArrayList<>()).add(f.checkId());
                }
            }
            return byCode.entrySet().stream().map(e -> missing(e.getKey(), e.getValue())).toList();
        }

        private MissingInput missing(String code, List<String> checkIds) {
            int colon = code.indexOf(':');
            String kind = colon < 0 ? "other" : code.substring(0, colon);
            String name = colon < 0 ? code : code.substring(colon + 1);
            return switch (kind) {
                case "observation" -> new MissingInput(code, kind, name, msgOr("report.obs." + name, name),
                        "obs-" + name, checkIds);
                case "artifact" -> new MissingInput(code, kind, name, msg("report.missing.artifact", name),
                        "artifact-" + name, checkIds);
                case "api" -> new MissingInput(code, kind, name, msg("report.missing.api", name), null, checkIds);
                default -> new MissingInput(code, kind, name, code, null, checkIds);
            };
        }

        private List<ObservationRow> observations() {
            Observations o = d.observations();
            return ObservationFields.ALL.stream().map(f -> {
                Object value = f.value().apply(o);
                boolean known = value != null && !(value instanceof Collection<?> c && c.isEmpty())
                        && !(value instanceof Map<?, ?> m && m.isEmpty());
                return new ObservationRow(f.name(), msg("report.obs." + f.name()), known,
                        known ? format(f.kind(), value) : msg("report.notKnown"), f.guideSection(),
                        known ? value : null);
            }).toList();
        }

        private String format(ObservationFields.Kind kind, Object value) {
            return switch (kind) {
                case BOOLEAN -> msg(Boolean.TRUE.equals(value) ? "report.yes" : "report.no");
                case ENUM -> msg("report.value." + ((Enum<?>) value).name());
                case PERCENT -> msg("report.unit.percent", number(value));
                case SECONDS -> msg("report.unit.seconds", number(value));
                case BYTES -> msg("report.unit.bytes", number(value));
                case CODES -> ((Collection<?>) value).stream().map(String::valueOf).collect(Collectors.joining(", "));
                case RP_FILTER -> new java.util.TreeMap<>((Map<?, ?>) value).entrySet().stream()
                        .map(e -> "net.ipv4.conf." + e.getKey() + ".rp_filter = " + e.getValue())
                        .collect(Collectors.joining(", "));
            };
        }

        private static String number(Object value) {
            if (value instanceof Double x && x == Math.rint(x) && !Double.isInfinite(x)) {
                return String.valueOf(x.longValue());
            }
            return String.valueOf(value);
        }

        private List<TroubleshootingStep> steps() {
            List<TroubleshootingStep> steps = new ArrayList<>();
            for (TroubleshootingSteps.Step step : TroubleshootingSteps.ALL) {
                List<String> results = new ArrayList<>();
                boolean done = false;
                for (String field : step.observations()) {
                    ObservationFields.Field f = ObservationFields.byName(field);
                    Object value = f.value().apply(d.observations());
                    if (value != null && !(value instanceof Collection<?> c && c.isEmpty())
                            && !(value instanceof Map<?, ?> m && m.isEmpty())) {
                        results.add(msg("report.obs." + field) + ": " + format(f.kind(), value));
                        done = true;
                    }
                }
                for (ArtifactRecord a : d.artifacts()) {
                    if (step.artifactKinds().contains(a.kind())) {
                        results.add(msg("report.step.artifact", a.kind(), a.name(), a.summary()));
                        done = true;
                    }
                }
                List<Finding> related = step.checkIds().stream().map(d::finding).flatMap(Optional::stream).toList();
                for (Finding f : related) {
                    String line = msg("report.step.check", localizedTitle(f), msg("report.status." + f.status()));
                    results.add(step.apiDecides() ? msg("report.step.api", line) : line);
                    if (step.apiDecides() && f.status() != Status.UNKNOWN) {
                        done = true;
                    }
                }
                Status status = related.isEmpty() ? null : Status.worst(related.stream().map(Finding::status).toList());
                List<String> inputs = new ArrayList<>(step.observations().stream().map(o -> "obs-" + o).toList());
                step.artifactKinds().forEach(k -> inputs.add("artifact-" + k));
                steps.add(new TroubleshootingStep(step.number(), msg("report.step." + step.number()), done,
                        done ? String.join("; ", results) : msg("report.notDone"), results, step.checkIds(), status,
                        status == null ? "status-none" : css(status), inputs));
            }
            return steps;
        }

        private List<ArtifactRow> artifacts() {
            return d.artifacts().stream().map(a -> new ArtifactRow(a.id(), a.kind(), a.name(), a.uploadedAt(),
                    a.summary(), a.excerpt().stream().map(l -> new ExcerptLine(l.lineNumber(), l.text())).toList()))
                    .toList();
        }

        private List<ApiCallRow> apiCalls() {
            if (s == null) {
                return List.of();
            }
            return s.calls().stream().map(c -> new ApiCallRow(c.action(), c.requestId(), c.durationMillis(),
                    c.attempts(), c.errorCode(), c.succeeded())).toList();
        }

        private List<ErrorRow> errors() {
            if (s == null) {
                return List.of();
            }
            return s.errors().stream().map(e -> new ErrorRow(e.action(), e.code(), e.requestId(), e.message())).toList();
        }

        private String ticketSummary(InstanceInfo info, Meta meta, List<ReportFinding> findings,
                List<TroubleshootingStep> steps) {
            List<String> parts = new ArrayList<>();
            parts.add(msg("report.ticket.head", info.loadBalancerId(), info.name() == null ? "—" : info.name(),
                    info.regionId(), meta.createdAtText(), meta.appVersion(), meta.verdictLabel()));
            String failing = names(findings, Status.FAIL);
            parts.add(failing.isEmpty() ? msg("report.ticket.noFailing") : msg("report.ticket.failing", failing));
            String warnings = names(findings, Status.WARN);
            if (!warnings.isEmpty()) {
                parts.add(msg("report.ticket.warnings", warnings));
            }
            String unknown = names(findings, Status.UNKNOWN);
            if (!unknown.isEmpty()) {
                parts.add(msg("report.ticket.unknown", unknown));
            }
            String evidence = findings.stream().filter(f -> f.status() == Status.FAIL || f.status() == Status.WARN)
                    .flatMap(f -> f.evidence().stream().limit(2))
                    .limit(6).map(e -> e.location() == null ? e.text() : e.location() + " " + e.text())
                    .collect(Collectors.joining("; "));
            if (!evidence.isEmpty()) {
                parts.add(msg("report.ticket.evidence", evidence));
            }
            String tested = steps.stream().filter(TroubleshootingStep::done).filter(t -> !t.results().isEmpty())
                    .map(t -> t.number() + ". " + String.join(", ", t.results()))
                    .collect(Collectors.joining("; "));
            if (!tested.isEmpty()) {
                parts.add(msg("report.ticket.tested", tested));
            }
            String notTested = steps.stream().filter(t -> !t.done()).map(t -> String.valueOf(t.number()))
                    .collect(Collectors.joining(", "));
            if (!notTested.isEmpty()) {
                parts.add(msg("report.ticket.notTested", notTested));
            }
            if (s != null && !s.errors().isEmpty()) {
                parts.add(msg("report.ticket.incomplete", s.errors().stream()
                        .map(e -> e.action() + " " + e.code() + (e.requestId() == null ? "" : " (" + e.requestId() + ")"))
                        .collect(Collectors.joining(", "))));
            }
            if (s != null) {
                String ids = s.calls().stream().map(c -> c.requestId()).filter(Objects::nonNull).distinct()
                        .collect(Collectors.joining(", "));
                if (!ids.isEmpty()) {
                    parts.add(msg("report.ticket.requestIds", ids));
                }
            }
            return String.join(" ", parts);
        }

        private static String names(List<ReportFinding> findings, Status status) {
            return findings.stream().filter(f -> f.status() == status).map(f -> f.checkId() + " (" + f.title() + ")")
                    .collect(Collectors.joining(", "));
        }

        private Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            for (String key : LABEL_KEYS) {
                labels.put(key, msg("report." + key));
            }
            return labels;
        }

        private String msgOr(String key, String fallback) {
            return messages.getMessage(key, null, fallback, locale);
        }

        private String msg(String key, Object... args) {
            return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
        }
    }

    static String css(Status status) {
        return switch (status) {
            case FAIL -> "status-fail";
            case WARN -> "status-warn";
            case UNKNOWN -> "status-unknown";
            case PASS -> "status-pass";
            case NOT_APPLICABLE -> "status-na";
        };
    }

    /** The labels a renderer needs as headings and column names (report.* without the prefix). */
    static final List<String> LABEL_KEYS = List.of("title", "section.instance", "section.diagnosis",
            "section.summaryTable", "section.findings", "section.unknowns", "section.listeners", "section.backends",
            "section.healthGrid", "section.observations", "section.notes", "section.troubleshooting",
            "section.artifacts", "section.apiCalls", "section.collectionErrors", "section.ticketSummary",
            "meta.loadBalancerId", "meta.name", "meta.region", "meta.address", "meta.addressType", "meta.networkType",
            "meta.instanceStatus", "meta.diagnosisId", "meta.createdAt", "meta.verdict", "meta.createdBy",
            "meta.appVersion", "meta.collection", "col.check", "col.status", "col.title", "col.guideSection",
            "col.evidence", "col.resolution", "col.missing", "col.listener", "col.port", "col.protocol",
            "col.listenerStatus", "col.healthCheck", "col.healthCheckSettings", "col.requestTimeout",
            "col.idleTimeout", "col.establishedTimeout", "col.serverId", "col.serverIp", "col.ports", "col.weight",
            "col.listeners", "col.field", "col.value", "col.step", "col.result", "col.kind", "col.name", "col.summary",
            "col.excerpt", "col.uploadedAt", "col.action", "col.requestId", "col.duration", "col.attempts",
            "col.errorCode", "col.message", "notKnown", "notDone", "notCollected", "none", "yes", "no");
}
