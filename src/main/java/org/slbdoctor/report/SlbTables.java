package org.slbdoctor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slbdoctor.report.DiagnosisReport.BackendRow;
import org.slbdoctor.report.DiagnosisReport.HealthCell;
import org.slbdoctor.report.DiagnosisReport.HealthGrid;
import org.slbdoctor.report.DiagnosisReport.HealthRow;
import org.slbdoctor.report.DiagnosisReport.ListenerRow;
import org.slbdoctor.slb.BackendHealth;
import org.slbdoctor.slb.BackendServer;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;

/** The SLB configuration tables of the report: listeners, backends, listener × backend health. */
final class SlbTables {

    /** Looks a message up: (key, args) → text. */
    interface Messages {
        String get(String key, Object... args);
    }

    private final SlbSnapshot s;
    private final Messages msg;
    private final List<BackendRow> backends;

    SlbTables(SlbSnapshot snapshot, Messages msg) {
        this.s = snapshot;
        this.msg = msg;
        this.backends = collectBackends();
    }

    List<ListenerRow> listeners() {
        if (s == null || s.listeners() == null) {
            return List.of();
        }
        return s.listeners().stream().sorted((a, b) -> a.port() != b.port() ? Integer.compare(a.port(), b.port())
                : String.valueOf(a.protocol()).compareTo(String.valueOf(b.protocol()))).map(this::row).toList();
    }

    private ListenerRow row(Listener l) {
        String status = l.status() == null ? "unknown" : l.status().toLowerCase(Locale.ROOT);
        return new ListenerRow(l.label(), l.port(), l.protocol(), l.status(), "listener-" + status, l.healthCheckOn(),
                msg.get(l.healthCheckOn() ? "report.on" : "report.off"), l.healthCheckOn() ? settings(l) : "",
                l.requestTimeout(), l.idleTimeout(), l.establishedTimeout(), l.backendServerPort(), l.vServerGroupId(),
                l.scheduler());
    }

    private String settings(Listener l) {
        List<String> parts = new ArrayList<>();
        StringBuilder what = new StringBuilder();
        append(what, l.healthCheckType());
        append(what, l.healthCheckMethod() == null ? null : l.healthCheckMethod().toUpperCase(Locale.ROOT));
        if (l.healthCheckDomain() != null || l.healthCheckUri() != null) {
            append(what, (l.healthCheckDomain() == null ? "" : l.healthCheckDomain())
                    + (l.healthCheckUri() == null ? "" : l.healthCheckUri()));
        }
        if (!what.isEmpty()) {
            parts.add(what.toString());
        }
        if (l.healthCheckConnectPort() != null) {
            parts.add(msg.get("report.hc.port", l.healthCheckConnectPort()));
        }
        if (l.healthCheckHttpCode() != null) {
            parts.add(msg.get("report.hc.codes", l.healthCheckHttpCode()));
        }
        if (l.healthCheckInterval() != null) {
            parts.add(msg.get("report.hc.interval", l.healthCheckInterval()));
        }
        Integer timeout = l.healthCheckTimeout() != null ? l.healthCheckTimeout() : l.healthCheckConnectTimeout();
        if (timeout != null) {
            parts.add(msg.get("report.hc.timeout", timeout));
        }
        if (l.healthyThreshold() != null || l.unhealthyThreshold() != null) {
            parts.add(msg.get("report.hc.thresholds", str(l.healthyThreshold()), str(l.unhealthyThreshold())));
        }
        return String.join(", ", parts);
    }

    private static void append(StringBuilder b, String part) {
        if (part != null && !part.isBlank()) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(part);
        }
    }

    private static String str(Object o) {
        return o == null ? "?" : o.toString();
    }

    List<BackendRow> backends() {
        return backends;
    }

    /** Backends from every collected source, one row per server, with the listeners they serve. */
    private List<BackendRow> collectBackends() {
        if (s == null) {
            return List.of();
        }
        Map<String, Acc> byServer = new LinkedHashMap<>();
        if (s.listeners() != null) {
            for (Listener l : s.listeners()) {
                for (BackendServer b : s.backendsOf(l)) {
                    byServer.computeIfAbsent(b.serverId(), k -> new Acc(b)).add(b.port(), l.label());
                }
                for (BackendHealth h : s.healthOf(l)) {
                    byServer.computeIfAbsent(h.serverId(), k -> new Acc(new BackendServer(h.serverId(), h.serverIp(),
                            h.port(), null, null, null))).add(h.port(), l.label());
                }
            }
        }
        if (s.instance() != null) {
            s.instance().defaultServerGroup().forEach(b -> byServer.computeIfAbsent(b.serverId(), k -> new Acc(b)));
        }
        if (s.health() != null) {
            s.health().forEach(h -> byServer.computeIfAbsent(h.serverId(), k -> new Acc(new BackendServer(h.serverId(),
                    h.serverIp(), h.port(), null, null, null))).add(h.port(), null));
        }
        return byServer.values().stream().map(Acc::row).toList();
    }

    private static final class Acc {
        final BackendServer server;
        String ip;
        final Set<Integer> ports = new java.util.TreeSet<>();
        final Set<String> listeners = new LinkedHashSet<>();

        Acc(BackendServer server) {
            this.server = server;
            this.ip = server.serverIp();
            if (server.port() != null) {
                ports.add(server.port());
            }
        }

        void add(Integer port, String listener) {
            if (port != null) {
                ports.add(port);
            }
            if (listener != null) {
                listeners.add(listener);
            }
        }

        BackendRow row() {
            return new BackendRow(server.serverId(), ip == null || ip.isBlank() ? null : ip,
                    ports.stream().map(String::valueOf).collect(Collectors.joining(", ")), server.weight(),
                    server.type(), server.description(), List.copyOf(listeners));
        }
    }

    HealthGrid healthGrid() {
        boolean known = s != null && s.healthKnown();
        if (s == null || s.listeners() == null) {
            return new HealthGrid(known, backends, List.of());
        }
        List<HealthRow> rows = new ArrayList<>();
        for (ListenerRow lr : listeners()) {
            Listener l = s.listeners().stream().filter(x -> x.label().equals(lr.label())).findFirst().orElseThrow();
            List<BackendHealth> health = s.healthOf(l);
            Set<String> attached = s.backendsOf(l).stream().map(BackendServer::serverId).collect(Collectors.toSet());
            health.forEach(h -> attached.add(h.serverId()));
            List<HealthCell> cells = new ArrayList<>();
            for (BackendRow b : backends) {
                List<BackendHealth> mine = health.stream().filter(h -> h.serverId().equals(b.serverId())).toList();
                String ports = mine.stream().map(h -> String.valueOf(h.port())).distinct().collect(Collectors.joining(", "));
                String state;
                if (!attached.contains(b.serverId())) {
                    state = "none";
                } else if (!known || mine.isEmpty()) {
                    state = "unknown";
                } else if (mine.stream().anyMatch(BackendHealth::abnormal)) {
                    state = "abnormal";
                } else if (mine.stream().anyMatch(BackendHealth::unavailable)) {
                    state = "unavailable";
                } else if (mine.stream().allMatch(BackendHealth::normal)) {
                    state = "normal";
                } else {
                    state = "unknown";
                }
                cells.add(new HealthCell(b.serverId(), state, msg.get("report.health." + state), "health-" + state,
                        ports));
            }
            rows.add(new HealthRow(lr.label(), cells));
        }
        return new HealthGrid(known, backends, rows);
    }

}
