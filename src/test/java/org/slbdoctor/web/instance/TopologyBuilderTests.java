package org.slbdoctor.web.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slbdoctor.report.DiagnosisReport;
import org.slbdoctor.report.DiagnosisReport.BackendRow;
import org.slbdoctor.report.DiagnosisReport.HealthCell;
import org.slbdoctor.report.DiagnosisReport.HealthGrid;
import org.slbdoctor.report.DiagnosisReport.HealthRow;
import org.slbdoctor.report.DiagnosisReport.InstanceInfo;
import org.slbdoctor.report.DiagnosisReport.ListenerRow;
import org.slbdoctor.web.instance.Topology.Node;

/** The topology model: boxes, colours, the WAF box, capping big instances, text that fits. */
class TopologyBuilderTests {

    /** Echoes the key and its arguments, so assertions can see which message a box uses. */
    static final TopologyBuilder.Labels LABELS = (key, args) -> args.length == 0 ? key
            : key + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(",", "(", ")"));

    static ListenerRow listener(int port, String protocol, String status) {
        return new ListenerRow(port + "/" + protocol, port, protocol, status, "listener-" + status, true, "on", "",
                60, 15, null, 80, null, "wrr");
    }

    static BackendRow backend(String id, String ip) {
        return new BackendRow(id, ip, "80", 100, "ecs", null, List.of());
    }

    static HealthCell cell(String serverId, String state) {
        return new HealthCell(serverId, state, state, "health-" + state, "80");
    }

    static DiagnosisReport report(String name, List<ListenerRow> listeners, List<BackendRow> backends,
            List<HealthRow> rows) {
        return new DiagnosisReport("en", new InstanceInfo("lb-1", name, "cn-hangzhou", "47.0.0.1", "internet", "vpc",
                "active", "instance-active"), null, List.of(), List.of(), List.of(), true, listeners, backends,
                new HealthGrid(true, backends, rows), List.of(), null, List.of(), List.of(), List.of(), List.of(), "",
                Map.of());
    }

    static List<Node> nodes(Topology t, String kind) {
        return t.nodes().stream().filter(n -> n.kind().equals(kind)).toList();
    }

    @Test
    void coloursBoxesAndConnectorsByTheHealthTheApiReported() {
        var r = report("web", List.of(listener(80, "http", "running"), listener(443, "tcp", "running")),
                List.of(backend("i-ok", "172.16.0.1"), backend("i-bad", "172.16.0.2")),
                List.of(new HealthRow("80/http", List.of(cell("i-ok", "normal"), cell("i-bad", "abnormal"))),
                        new HealthRow("443/tcp", List.of(cell("i-ok", "normal"), cell("i-bad", "none")))));
        Topology t = new TopologyBuilder(LABELS).build(r, null);

        assertThat(nodes(t, "waf")).as("no WAF box unless the operator said so").isEmpty();
        assertThat(nodes(t, "clients")).hasSize(1);
        assertThat(nodes(t, "slb")).singleElement().satisfies(n -> assertThat(n.detail()).isEqualTo("47.0.0.1"));
        assertThat(nodes(t, "listener")).extracting(Node::label, Node::css)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("80/http", "topo-abnormal"),
                        org.assertj.core.groups.Tuple.tuple("443/tcp", "topo-normal"));
        assertThat(nodes(t, "backend")).extracting(Node::label, Node::css)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i-ok", "topo-normal"),
                        org.assertj.core.groups.Tuple.tuple("i-bad", "topo-abnormal"));
        assertThat(nodes(t, "listener").get(0).tooltip()).isEqualTo("80/http — pages.topo.listenerDetail(running,1,2)");
        // clients→slb, slb→2 listeners, 80→2 backends, 443→1 backend (i-bad is not attached to it)
        assertThat(t.edges()).hasSize(1 + 2 + 2 + 1);
        assertThat(t.edges()).extracting(Topology.Edge::css)
                .containsExactlyInAnyOrder("edge-neutral", "edge-abnormal", "edge-normal", "edge-normal",
                        "edge-abnormal", "edge-normal");
        assertThat(t.description()).isEqualTo("pages.topo.description(47.0.0.1,2,2,1)");
        assertThat(t.edges().get(0).path()).matches("M\\d+ \\d+ C\\d+ \\d+ \\d+ \\d+ \\d+ \\d+");
    }

    @Test
    void drawsTheAntiDdosOrWafBoxOnlyWhenObserved() {
        var r = report("web", List.of(listener(80, "http", "running")), List.of(backend("i-1", "10.0.0.1")),
                List.of(new HealthRow("80/http", List.of(cell("i-1", "unavailable")))));
        Topology t = new TopologyBuilder(LABELS).build(r, true);
        assertThat(nodes(t, "waf")).hasSize(1);
        assertThat(t.description()).startsWith("pages.topo.descriptionWaf");
        assertThat(nodes(t, "backend").get(0).css()).isEqualTo("topo-unavailable");
        assertThat(new TopologyBuilder(LABELS).build(r, false).nodes()).noneMatch(n -> n.kind().equals("waf"));
    }

    @Test
    void stoppedListenersAndListenersWithoutBackendsStandOut() {
        var r = report("web", List.of(listener(80, "http", "stopped"), listener(81, "http", "running")),
                List.of(), List.of(new HealthRow("80/http", List.of()), new HealthRow("81/http", List.of())));
        Topology t = new TopologyBuilder(LABELS).build(r, null);
        assertThat(nodes(t, "listener")).extracting(Node::css).containsExactly("topo-stopped", "topo-abnormal");
        assertThat(nodes(t, "listener").get(1).tooltip()).endsWith("pages.topo.listenerNoBackend(running)");
    }

    @Test
    void capsFiftyListenersByTwentyBackendsKeepingTheUnhealthyOnes() {
        List<ListenerRow> listeners = new ArrayList<>();
        List<BackendRow> backends = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            backends.add(backend("i-" + b, "172.16.0." + b));
        }
        List<HealthRow> rows = new ArrayList<>();
        for (int l = 0; l < 50; l++) {
            listeners.add(listener(8000 + l, "http", "running"));
            List<HealthCell> cells = new ArrayList<>();
            for (int b = 0; b < 20; b++) {
                // listener 8049 sees backend i-19 abnormal: both are last and must still be drawn
                cells.add(cell("i-" + b, l == 49 && b == 19 ? "abnormal" : "normal"));
            }
            rows.add(new HealthRow((8000 + l) + "/http", cells));
        }
        Topology t = new TopologyBuilder(LABELS).build(report("big", listeners, backends, rows), null);

        assertThat(nodes(t, "listener")).hasSize(TopologyBuilder.MAX_LISTENERS)
                .anySatisfy(n -> assertThat(n.label()).isEqualTo("8049/http"));
        assertThat(nodes(t, "backend")).hasSize(TopologyBuilder.MAX_BACKENDS)
                .anySatisfy(n -> assertThat(n.label()).isEqualTo("i-19"));
        assertThat(nodes(t, "summary")).extracting(Node::tooltip).containsExactlyInAnyOrder(
                "pages.topo.moreListeners(38)",
                "pages.topo.moreBackends(4)");
        assertThat(t.hiddenListeners()).isEqualTo(38);
        assertThat(t.hiddenBackends()).isEqualTo(4);
        assertThat(t.edges().size()).isLessThanOrEqualTo(1 + 12 + 12 * 16);
        assertThat(t.height()).isLessThan(1000);
        // the kept ones stay in their table order
        assertThat(nodes(t, "listener").get(0).label()).isEqualTo("8000/http");
    }

    @Test
    void longAndWideTextIsShortenedToTheBoxButKeptWholeInTheTooltip() {
        String name = "i-" + "x".repeat(80);
        var r = report("web", List.of(listener(80, "http", "running")), List.of(backend(name, "10.0.0.1")),
                List.of(new HealthRow("80/http", List.of(cell(name, "normal")))));
        Node box = nodes(new TopologyBuilder(LABELS).build(r, null), "backend").get(0);
        assertThat(box.label()).endsWith("…").hasSizeLessThan(name.length());
        assertThat(box.tooltip()).startsWith(name);

        assertThat(TopologyBuilder.shorten("生产环境负载均衡", 8)).isEqualTo("生产环…");
        assertThat(TopologyBuilder.shorten("生产环境", 8)).isEqualTo("生产环境");
        assertThat(TopologyBuilder.shorten("abcdef", 4)).isEqualTo("abc…");
        assertThat(TopologyBuilder.shorten(null, 4)).isEmpty();
    }
}
