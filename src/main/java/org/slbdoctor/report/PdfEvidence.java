package org.slbdoctor.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slbdoctor.checklist.EvidenceSource;
import org.slbdoctor.report.DiagnosisReport.BackendRow;
import org.slbdoctor.report.DiagnosisReport.EvidenceLine;
import org.slbdoctor.report.DiagnosisReport.HealthCell;
import org.slbdoctor.report.DiagnosisReport.HealthGrid;
import org.slbdoctor.report.DiagnosisReport.HealthRow;
import org.slbdoctor.report.DiagnosisReport.ReportFinding;

/**
 * The evidence of a finding as the PDF record prints it. On a large instance the {@code health-check}
 * finding quotes one line per listener × backend twice (the server list, then the health status):
 * two thousand lines on 50 × 20, most of the record's pages and rendering time, which only restate
 * the health grid and the backend table printed a few pages later. Those lines are counted per
 * listener instead: "listener 8000/http: 20 backend(s) normal, port 8080, weight 100".
 *
 * <p>Only lines that say nothing the record does not carry elsewhere are counted: a backend in a
 * listener's server list with a weight above 0, or a backend whose health is {@code normal} with a
 * weight above 0, and only when the health grid shows that same backend on that listener (attached,
 * respectively normal) and the backend table gives it the same IP. Every other line (abnormal,
 * unavailable, weight 0, weight not known, anything unrecognised) is quoted verbatim, in its place.
 * Per listener, the largest group is counted; a smaller group (another port or weight) also names its
 * backends, so which backend has which port and weight stays in the record. The Markdown and JSON
 * records keep every line.
 */
final class PdfEvidence {

    /** A printed evidence line: a quoted one, or ({@code summary}) one counting several. */
    public record Entry(String sourceLabel, String location, String text, boolean summary) {
    }

    /** A finding's printed evidence; {@code counted} is how many quoted lines the summaries replace. */
    public record Digest(List<Entry> entries, int counted) {
    }

    /** Message lookup in the record's locale. */
    interface Messages {
        String get(String key, Object... args);
    }

    private static final String ID = "([A-Za-z0-9][A-Za-z0-9._:-]*+)";
    /**
     * HealthCheckCheck's server-list line, {@code listener L: backend ID (IP) port P weight W}, and its
     * health line of a normal backend, {@code ... port P normal, weight W} (group 5 is "normal, ").
     */
    private static final Pattern LINE = Pattern.compile("listener ([^\\s:]++): backend " + ID + "(?: \\(" + ID
            + "\\))? port (\\d++) (normal, )?weight (\\d++)");

    private enum Kind { SERVER_LIST, NORMAL }

    private record Key(Kind kind, String listener, String port, String weight) {
    }

    private record Countable(Key key, String serverId) {
    }

    private PdfEvidence() {
    }

    /** The printed evidence of every finding, by its position. */
    static Map<Integer, Digest> of(DiagnosisReport report, Messages msg) {
        Grid grid = new Grid(report.backends(), report.healthGrid());
        Map<Integer, Digest> digests = new HashMap<>();
        for (ReportFinding f : report.findings()) {
            digests.put(f.position(), digest(f.evidence(), grid, msg));
        }
        return digests;
    }

    static Digest digest(List<EvidenceLine> lines, Grid grid, Messages msg) {
        // first pass: the lines, with a placeholder (null) where a group's summary will stand
        List<Object> slots = new ArrayList<>(lines.size());
        Map<Key, List<EvidenceLine>> groups = new LinkedHashMap<>();
        Map<Key, String> groupIds = new HashMap<>();
        for (EvidenceLine line : lines) {
            Countable c = countable(line, grid);
            if (c == null) {
                slots.add(line);
                continue;
            }
            List<EvidenceLine> group = groups.get(c.key());
            if (group == null) {
                group = new ArrayList<>();
                groups.put(c.key(), group);
                slots.add(c.key());
            }
            group.add(line);
            groupIds.merge(c.key(), c.serverId(), (a, b) -> a + ", " + b);
        }
        // per listener and kind, the largest group is counted alone; smaller ones name their backends
        Map<String, Key> largest = new HashMap<>();
        groups.forEach((key, group) -> largest.merge(key.kind() + " " + key.listener(), key,
                (a, b) -> groups.get(b).size() > groups.get(a).size() ? b : a));
        List<Entry> entries = new ArrayList<>(slots.size());
        int counted = 0;
        for (Object slot : slots) {
            if (slot instanceof EvidenceLine line) {
                entries.add(quoted(line));
                continue;
            }
            Key key = (Key) slot;
            List<EvidenceLine> group = groups.get(key);
            if (group.size() == 1) {
                entries.add(quoted(group.get(0)));
                continue;
            }
            String text = msg.get(key.kind() == Kind.NORMAL ? "report.pdf.evidence.normal" : "report.pdf.evidence.serverList",
                    key.listener(), String.valueOf(group.size()), key.port(), key.weight());
            if (!key.equals(largest.get(key.kind() + " " + key.listener()))) {
                text = msg.get("report.pdf.evidence.which", text, groupIds.get(key));
            }
            entries.add(new Entry(group.get(0).sourceLabel(), null, text, true));
            counted += group.size();
        }
        return new Digest(List.copyOf(entries), counted);
    }

    private static Entry quoted(EvidenceLine line) {
        return new Entry(line.sourceLabel(), line.location(), line.text(), false);
    }

    /** The group of a line the record carries elsewhere; null when it must be quoted. */
    private static Countable countable(EvidenceLine line, Grid grid) {
        if (line.source() != EvidenceSource.API || line.text() == null || !line.text().startsWith("listener ")
                || !line.text().contains(": backend ")) {
            return null;
        }
        Matcher m = LINE.matcher(line.text());
        if (!m.matches()) {
            return null;
        }
        Kind kind = m.group(5) == null ? Kind.SERVER_LIST : Kind.NORMAL;
        String listener = m.group(1);
        String serverId = m.group(2);
        String ip = m.group(3);
        String port = m.group(4);
        String weight = m.group(6);
        if (weight.chars().allMatch(c -> c == '0')) {
            return null; // weight 0 matters: quoted
        }
        HealthCell cell = grid.cell(listener, serverId);
        BackendRow backend = grid.backend(serverId);
        if (cell == null || backend == null || !Objects.equals(ip, backend.serverIp())) {
            return null;
        }
        boolean shown = kind == Kind.NORMAL ? "normal".equals(cell.state()) : !"none".equals(cell.state());
        return shown ? new Countable(new Key(kind, listener, port, weight), serverId) : null;
    }

    /** The health grid and backend table of the record, looked up by listener and backend. */
    static final class Grid {
        private final Map<String, Map<String, HealthCell>> cells = new HashMap<>();
        private final Map<String, BackendRow> backends = new HashMap<>();

        Grid(List<BackendRow> backendTable, HealthGrid healthGrid) {
            backendTable.forEach(b -> backends.putIfAbsent(b.serverId(), b));
            for (HealthRow row : healthGrid.rows()) {
                Map<String, HealthCell> byServer = cells.computeIfAbsent(row.listener(), k -> new HashMap<>());
                row.cells().forEach(c -> byServer.putIfAbsent(c.serverId(), c));
            }
        }

        HealthCell cell(String listener, String serverId) {
            return cells.getOrDefault(listener, Map.of()).get(serverId);
        }

        BackendRow backend(String serverId) {
            return backends.get(serverId);
        }
    }
}
