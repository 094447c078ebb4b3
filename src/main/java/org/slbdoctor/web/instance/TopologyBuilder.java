package org.slbdoctor.web.instance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.slbdoctor.report.DiagnosisReport;
import org.slbdoctor.report.DiagnosisReport.BackendRow;
import org.slbdoctor.report.DiagnosisReport.HealthCell;
import org.slbdoctor.report.DiagnosisReport.HealthRow;
import org.slbdoctor.report.DiagnosisReport.ListenerRow;
import org.slbdoctor.web.instance.Topology.Edge;
import org.slbdoctor.web.instance.Topology.Node;

/**
 * Lays out the topology of one diagnosis: clients → Anti-DDoS/WAF (only when the operator said the
 * site is behind one) → the SLB address → listeners → backends, each box and connector coloured by
 * the health the SLB API reported. Big instances are capped ({@link #MAX_LISTENERS} listeners,
 * {@link #MAX_BACKENDS} backends) with the unhealthy ones kept and the rest summarised in one box,
 * so 50 × 20 still draws a readable picture of at most a few hundred elements.
 */
final class TopologyBuilder {

    /** Looks a message up in the page's locale: (key, args) → text. */
    interface Labels {
        String get(String key, Object... args);
    }

    static final int MAX_LISTENERS = 12;
    static final int MAX_BACKENDS = 16;
    static final int WIDTH = 1000;

    private static final int PAD = 20;
    private static final int ROW_H = 40;
    private static final int ROW_STEP = 50;
    private static final int HUB_H = 56;
    /** Rough width of one Latin character at the fragment's 13px font; CJK counts double. */
    private static final double CHAR_W = 7.4;

    /** Worst first: the order in which an unhealthy state wins over a healthier one. */
    private static final List<String> SEVERITY = List.of("abnormal", "stopped", "unavailable", "unknown", "normal",
            "none");

    private final Labels labels;

    TopologyBuilder(Labels labels) {
        this.labels = labels;
    }

    Topology build(DiagnosisReport report, Boolean behindAntiDdosOrWaf) {
        boolean waf = Boolean.TRUE.equals(behindAntiDdosOrWaf);
        Map<String, HealthRow> healthByListener = new HashMap<>();
        report.healthGrid().rows().forEach(r -> healthByListener.put(r.listener(), r));
        List<BackendRow> allBackends = report.healthGrid().columns();

        // the state of each listener and each backend, from the grid
        List<ListenerState> listeners = report.listeners().stream()
                .map(l -> ListenerState.of(l, healthByListener.get(l.label()))).toList();
        Map<String, String> backendState = new HashMap<>();
        for (ListenerState l : listeners) {
            l.cells().forEach(c -> backendState.merge(c.serverId(), c.state(), TopologyBuilder::worse));
        }

        List<ListenerState> shownListeners = cap(listeners, MAX_LISTENERS, l -> severity(l.state()));
        List<BackendRow> shownBackends = cap(allBackends, MAX_BACKENDS,
                b -> severity(backendState.getOrDefault(b.serverId(), "none")));
        int hiddenListeners = listeners.size() - shownListeners.size();
        int hiddenBackends = allBackends.size() - shownBackends.size();

        int listenerBoxes = shownListeners.size() + (hiddenListeners > 0 ? 1 : 0);
        int backendBoxes = shownBackends.size() + (hiddenBackends > 0 ? 1 : 0);
        int rows = Math.max(1, Math.max(listenerBoxes, backendBoxes));
        int height = PAD * 2 + rows * ROW_STEP - (ROW_STEP - ROW_H);
        int hubY = height / 2 - HUB_H / 2;

        Columns col = waf ? new Columns(10, 125, 175, 135, 360, 150, 565, 175, 790, 200)
                : new Columns(10, 130, 0, 0, 210, 165, 440, 185, 690, 300);

        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Node clients = box("clients", col.clientX, hubY, col.clientW, HUB_H, labels.get("pages.topo.clients"),
                labels.get("pages.topo.internet"), "topo-neutral");
        nodes.add(clients);
        Node previous = clients;
        if (waf) {
            Node shield = box("waf", col.wafX, hubY, col.wafW, HUB_H, labels.get("pages.topo.waf"),
                    labels.get("pages.topo.wafDetail"), "topo-neutral");
            nodes.add(shield);
            edges.add(edge(clients, shield, "edge-neutral"));
            previous = shield;
        }
        DiagnosisReport.InstanceInfo info = report.instance();
        String address = info.address() == null ? labels.get("pages.topo.noAddress") : info.address();
        Node slb = box("slb", col.slbX, hubY, col.slbW, HUB_H, labels.get("pages.topo.slb"), address,
                "topo-" + ("active".equalsIgnoreCase(info.status()) || info.status() == null ? "neutral" : "stopped"));
        nodes.add(slb);
        edges.add(edge(previous, slb, "edge-neutral"));

        Map<String, Node> backendNodes = new HashMap<>();
        int by = columnTop(rows, backendBoxes);
        for (BackendRow b : shownBackends) {
            String state = backendState.getOrDefault(b.serverId(), "none");
            String detail = b.serverIp() == null ? b.ports()
                    : b.ports() == null || b.ports().isEmpty() ? b.serverIp() : b.serverIp() + " : " + b.ports();
            Node n = box("backend", col.backendX, by, col.backendW, ROW_H, b.serverId(), detail,
                    "none".equals(state) ? "topo-neutral" : "topo-" + state);
            nodes.add(n);
            backendNodes.put(b.serverId(), n);
            by += ROW_STEP;
        }
        if (hiddenBackends > 0) {
            long bad = allBackends.stream().filter(b -> !shownBackends.contains(b))
                    .filter(b -> isBad(backendState.get(b.serverId()))).count();
            nodes.add(box("summary", col.backendX, by, col.backendW, ROW_H,
                    labels.get("pages.topo.moreBackends", hiddenBackends),
                    bad > 0 ? labels.get("pages.topo.moreUnhealthy", bad) : "", "topo-summary"));
        }

        int ly = columnTop(rows, listenerBoxes);
        for (ListenerState l : shownListeners) {
            Node n = box("listener", col.listenerX, ly, col.listenerW, ROW_H, l.row().label(), listenerDetail(l),
                    "topo-" + l.state());
            nodes.add(n);
            edges.add(edge(slb, n, "edge-" + l.state()));
            for (HealthCell c : l.cells()) {
                Node target = backendNodes.get(c.serverId());
                if (target != null) {
                    edges.add(edge(n, target, "edge-" + c.state()));
                }
            }
            ly += ROW_STEP;
        }
        if (hiddenListeners > 0) {
            long bad = listeners.stream().filter(l -> !shownListeners.contains(l)).filter(l -> isBad(l.state())).count();
            nodes.add(box("summary", col.listenerX, ly, col.listenerW, ROW_H,
                    labels.get("pages.topo.moreListeners", hiddenListeners),
                    bad > 0 ? labels.get("pages.topo.moreUnhealthy", bad) : "", "topo-summary"));
        }
        return new Topology(WIDTH, height, nodes, edges, description(report, waf, listeners, backendState),
                hiddenListeners, hiddenBackends);
    }

    private String listenerDetail(ListenerState l) {
        String status = l.row().status() == null ? "?" : l.row().status();
        if (l.cells().isEmpty()) {
            return labels.get("pages.topo.listenerNoBackend", status);
        }
        long normal = l.cells().stream().filter(c -> "normal".equals(c.state())).count();
        return labels.get("pages.topo.listenerDetail", status, normal, l.cells().size());
    }

    private String description(DiagnosisReport report, boolean waf, List<ListenerState> listeners,
            Map<String, String> backendState) {
        long badBackends = backendState.values().stream().filter(TopologyBuilder::isBad).count();
        String address = report.instance().address() == null ? labels.get("pages.topo.noAddress")
                : report.instance().address();
        return labels.get(waf ? "pages.topo.descriptionWaf" : "pages.topo.description", address, listeners.size(),
                report.healthGrid().columns().size(), badBackends);
    }

    /** Keeps at most {@code max} items, the worst first when some must go, in their original order. */
    static <T> List<T> cap(List<T> items, int max, java.util.function.ToIntFunction<T> severity) {
        if (items.size() <= max) {
            return items;
        }
        Set<Integer> keep = new LinkedHashSet<>();
        IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> severity.applyAsInt(items.get(i))).thenComparing(i -> i))
                .limit(max).forEach(keep::add);
        return IntStream.range(0, items.size()).filter(keep::contains).mapToObj(items::get).toList();
    }

    private static int columnTop(int rows, int boxes) {
        return PAD + (rows - boxes) * ROW_STEP / 2;
    }

    private static Edge edge(Node from, Node to, String css) {
        return new Edge(from.x() + from.w(), from.y() + from.h() / 2, to.x(), to.y() + to.h() / 2, css);
    }

    private static Node box(String kind, int x, int y, int w, int h, String label, String detail, String css) {
        int units = (int) ((w - 20) / CHAR_W);
        String tooltip = detail == null || detail.isEmpty() ? label : label + " — " + detail;
        return new Node(kind, x, y, w, h, shorten(label, units), shorten(detail, units), tooltip, css);
    }

    /** Cuts a text to a display width (CJK and other wide characters count 2), ending it with "…". */
    static String shorten(String text, int units) {
        if (text == null) {
            return "";
        }
        int used = 0;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = wide(cp) ? 2 : 1;
            if (used + w > units) {
                // leave room for the ellipsis
                while (used + 1 > units && !out.isEmpty()) {
                    int last = out.codePointBefore(out.length());
                    out.setLength(out.length() - Character.charCount(last));
                    used -= wide(last) ? 2 : 1;
                }
                return out.append('…').toString();
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F)
                || cp >= 0x1F000;
    }

    static int severity(String state) {
        int i = SEVERITY.indexOf(state);
        return i < 0 ? SEVERITY.size() : i;
    }

    static String worse(String a, String b) {
        return severity(a) <= severity(b) ? a : b;
    }

    private static boolean isBad(String state) {
        return "abnormal".equals(state) || "unavailable".equals(state) || "stopped".equals(state);
    }

    /** A listener with the grid cells of the backends attached to it and its overall state. */
    record ListenerState(ListenerRow row, List<HealthCell> cells, String state) {

        static ListenerState of(ListenerRow row, HealthRow health) {
            List<HealthCell> attached = health == null ? List.of()
                    : health.cells().stream().filter(c -> !"none".equals(c.state())).toList();
            String state;
            if (row.status() != null && !"running".equalsIgnoreCase(row.status())) {
                state = "stopped";
            } else if (attached.isEmpty()) {
                state = "abnormal"; // a running listener without backends fails every request
            } else {
                state = attached.stream().map(HealthCell::state).reduce("normal", TopologyBuilder::worse);
            }
            return new ListenerState(row, attached, state);
        }
    }

    private record Columns(int clientX, int clientW, int wafX, int wafW, int slbX, int slbW, int listenerX,
            int listenerW, int backendX, int backendW) {
    }
}
