package org.slbdoctor.checklist.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slbdoctor.artifact.AnalyzedArtifact;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineRef;
import org.slbdoctor.artifact.iptables.IptablesFacts;
import org.slbdoctor.artifact.iptables.IptablesRule;
import org.slbdoctor.artifact.iptables.ProbePacket;
import org.slbdoctor.artifact.iptables.ProbeResult;
import org.slbdoctor.checklist.ApiPart;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Rules;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.BackendHealth;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Guide cause 3: security software or a firewall on the backend blocks SLB's 100.64.0.0/10 range. */
@Component
@Order(40)
public class BackendFirewallCheck extends AbstractCheck {

    /** Probe sources spanning 100.64.0.0/10: its first, a middle and its last usable address. */
    static final List<String> PROBE_SOURCES = List.of("100.64.0.1", "100.100.0.1", "100.127.255.254");

    static final CheckMetadata METADATA = new CheckMetadata("backend-firewall", "3",
            "Backend firewalls and security software accept SLB's address range 100.64.0.0/10",
            "后端服务器的防火墙和安全软件放行负载均衡的地址段 100.64.0.0/10",
            "SLB reaches the backends from 100.64.0.0/10 (reserved by Alibaba Cloud, used for health checks and "
                    + "forwarding; no user owns it). Add this range to the whitelist of the firewall (iptables, "
                    + "firewalld...) and of any security or antivirus software on the backends, or uninstall the "
                    + "software to test whether it causes the errors.",
            "负载均衡通过 100.64.0.0/10 地址段访问后端服务器（阿里云保留地址段，用于健康检查和请求转发，不会分配给用户）。"
                    + "请将该地址段加入后端服务器防火墙（iptables、firewalld 等）及安全或杀毒软件的白名单，"
                    + "或卸载相关软件后测试是否由其导致。");

    public BackendFirewallCheck() {
        super(METADATA);
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        SlbSnapshot slb = evidence.slb();
        Observations o = evidence.observations();
        EvidenceLog log = new EvidenceLog();
        log.observation("securitySoftwareOnBackend", o.securitySoftwareOnBackend());
        log.observation("slbRangeWhitelisted", o.slbRangeWhitelisted());
        corroborate(slb, log);
        Simulation sim = simulate(evidence, log);
        Rules rules = new Rules(slb)
                .rule(Status.FAIL, () -> {
                    if (!sim.blocked().isEmpty()) {
                        return Rules.match("The backend firewall blocks SLB's address range: "
                                + String.join("; ", sim.blocked()) + ".");
                    }
                    List<ApiPart> missing = sim.simulated() == 0 ? List.of()
                            : ApiPart.missingIn(slb, ApiPart.LISTENERS, ApiPart.HEALTH, ApiPart.ATTRIBUTE,
                                    ApiPart.VSERVER_GROUPS);
                    return missing.isEmpty() ? Rules.noMatch() : Rules.skip(missing);
                })
                .rule(Status.FAIL, List.of(), () -> Boolean.TRUE.equals(o.securitySoftwareOnBackend())
                        && Boolean.FALSE.equals(o.slbRangeWhitelisted())
                                ? "Security software runs on the backend (securitySoftwareOnBackend = true) and SLB's range "
                                        + "100.64.0.0/10 is not whitelisted (slbRangeWhitelisted = false)."
                                : null)
                .rule(Status.PASS, List.of(), () -> {
                    if (Boolean.FALSE.equals(o.securitySoftwareOnBackend())) {
                        return "No security software or firewall runs on the backends (securitySoftwareOnBackend = false).";
                    }
                    if (Boolean.TRUE.equals(o.slbRangeWhitelisted())) {
                        return "SLB's range 100.64.0.0/10 is whitelisted on the backends (slbRangeWhitelisted = true).";
                    }
                    if (!sim.acceptedArtifacts().isEmpty()) {
                        return "The firewall dump " + String.join(", ", sim.acceptedArtifacts()) + " accepts new "
                                + "connections from " + String.join(", ", PROBE_SOURCES) + " to backend port(s) "
                                + sim.ports().stream().map(String::valueOf).collect(Collectors.joining(", "))
                                + (sim.ips().isEmpty() ? "" : " of " + String.join(", ", sim.ips())) + ".";
                    }
                    return null;
                });
        List<String> missing = new ArrayList<>();
        if (o.securitySoftwareOnBackend() == null) {
            missing.add("observation:securitySoftwareOnBackend");
        }
        if (o.slbRangeWhitelisted() == null) {
            missing.add("observation:slbRangeWhitelisted");
        }
        missing.add("artifact:iptables-save");
        String unknown = "Whether a firewall or security software on the backends blocks 100.64.0.0/10 is not known.";
        if (!sim.withoutFilter().isEmpty()) {
            boolean one = sim.withoutFilter().size() == 1;
            unknown += " " + String.join(", ", sim.withoutFilter()) + (one ? " has" : " have")
                    + " no *filter table and so " + (one ? "gives" : "give") + " no firewall evidence.";
        }
        return rules.finish(this, log, unknown, missing);
    }

    /**
     * What simulating the iptables-save artifacts gave: the blocked probes (quoted), the artifacts
     * whose every probe was accepted with at least one known port, those without a filter table
     * (no evidence), and the addresses probed.
     */
    record Simulation(int simulated, List<String> blocked, List<String> acceptedArtifacts, List<String> withoutFilter,
            List<Integer> ports, List<String> ips) {
    }

    private static Simulation simulate(EvidenceSnapshot evidence, EvidenceLog log) {
        SlbSnapshot slb = evidence.slb();
        List<AnalyzedArtifact> dumps = evidence.artifactsOf(ArtifactKind.IPTABLES_SAVE);
        List<Integer> ports = backendPorts(slb);
        List<String> ips = backendIps(slb);
        String iface = evidence.settings().backendInterface();
        List<String> blocked = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        List<String> withoutFilter = new ArrayList<>();
        int simulated = 0;
        if (!dumps.isEmpty()) {
            log.api("probed backend port(s): " + (ports.isEmpty() ? "none known (probes carry no port)"
                    : ports.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    + "; backend address(es): " + (ips.isEmpty() ? "none known" : String.join(", ", ips)));
        }
        for (AnalyzedArtifact dump : dumps) {
            IptablesFacts facts = (IptablesFacts) dump.facts();
            if (!facts.hasFilterTable()) {
                log.artifact(dump.name(), null, "no *filter table in this dump: it gives no firewall evidence"
                        + facts.noFilterTableDetail());
                withoutFilter.add(dump.name());
                continue;
            }
            simulated++;
            if (facts.nftCaveat() != null) {
                log.artifact(dump.name(), null, facts.nftCaveat());
            }
            for (IptablesRule uncertain : facts.uncertainRules()) {
                log.artifact(dump.name(), uncertain.line().lineNumber(), "caveat — the dump cannot tell whether this "
                        + "rule matches (" + String.join("; ", uncertain.uncertainty()) + "), treated as not matching: "
                        + uncertain.line().text());
            }
            boolean allAccepted = true;
            int probes = 0;
            int blockedProbes = 0;
            Set<String> quoted = new LinkedHashSet<>();
            for (String source : PROBE_SOURCES) {
                for (String ip : ips.isEmpty() ? java.util.Collections.<String>singletonList(null) : ips) {
                    for (Integer port : ports.isEmpty() ? java.util.Collections.<Integer>singletonList(null) : ports) {
                        ProbeResult r = facts.simulate(new ProbePacket(source, ip, port, iface)).orElseThrow();
                        probes++;
                        if (!r.blocked()) {
                            continue;
                        }
                        allAccepted = false;
                        LineRef line = r.decidingLine();
                        if (line != null) {
                            log.artifact(dump.name(), line.lineNumber(), line.text());
                        }
                        String where = line == null ? r.decidedBy()
                                : (r.byPolicy() ? "the INPUT policy" : "the rule") + " at line " + line.lineNumber()
                                        + " `" + line.text() + "`" + ignoredNote(r);
                        blockedProbes++;
                        if (quoted.add(where)) {
                            blocked.add(dump.name() + ": " + r.verdict() + " of a new connection from " + source + " to "
                                    + (ip == null ? "the backend" : ip) + (port == null ? "" : " port " + port)
                                    + " by " + where);
                        }
                    }
                }
            }
            if (blockedProbes > 0) {
                blocked.add(dump.name() + ": " + blockedProbes + " of " + probes + " probe(s) blocked");
            }
            if (allAccepted && !ports.isEmpty()) {
                accepted.add(dump.name());
                log.artifact(dump.name(), null, "every probe from " + String.join(", ", PROBE_SOURCES)
                        + " was accepted");
            }
        }
        return new Simulation(simulated, blocked, accepted, withoutFilter, ports, ips);
    }

    /**
     * The verdict stays as CHECKLIST.md rules (those matches are ignored), but an operator must know
     * that the rule may never see SLB's packets: kube-proxy's {@code -m mark --mark 0x8000/0x8000 -j DROP}
     * drops only packets kube-proxy marked.
     */
    private static String ignoredNote(ProbeResult r) {
        if (r.ignoredMatches().isEmpty()) {
            return "";
        }
        String matches = r.ignoredMatches().stream()
                .map(c -> "`" + c.reason() + "` (" + (c.line().equals(r.decidingLine()) ? "this rule"
                        : "the jump at line " + c.line().lineNumber()) + ")")
                .collect(Collectors.joining(", "));
        boolean one = r.ignoredMatches().size() == 1;
        return "; not evaluated: " + matches + " — the dump does not show whether SLB's packets meet "
                + (one ? "it" : "them") + "; if they do not, they take another path through the chain";
    }

    /** Backend ports of the running listeners (or of every source when the listeners are unknown), health-check ports included. */
    static List<Integer> backendPorts(SlbSnapshot slb) {
        Set<Integer> ports = new TreeSet<>();
        if (slb.listenersKnown()) {
            for (Listener l : slb.runningListeners()) {
                addPort(ports, l.backendServerPort());
                addPort(ports, l.healthCheckConnectPort());
                slb.backendsOf(l).forEach(b -> addPort(ports, b.port()));
                slb.healthOf(l).forEach(h -> addPort(ports, h.port()));
            }
        } else {
            if (slb.healthKnown()) {
                slb.health().forEach(h -> addPort(ports, h.port()));
            }
            if (slb.vServerGroupsKnown()) {
                slb.vServerGroups().forEach(g -> g.backendServers().forEach(b -> addPort(ports, b.port())));
            }
        }
        return List.copyOf(ports);
    }

    /** Backend ServerIps of the running listeners (or every known one when the listeners are unknown). */
    static List<String> backendIps(SlbSnapshot slb) {
        if (!slb.listenersKnown()) {
            return slb.knownBackendIps();
        }
        Set<String> ips = new LinkedHashSet<>();
        for (Listener l : slb.runningListeners()) {
            slb.backendsOf(l).forEach(b -> addIp(ips, b.serverIp()));
            slb.healthOf(l).forEach(h -> addIp(ips, h.serverIp()));
        }
        return List.copyOf(ips);
    }

    private static void addPort(Set<Integer> ports, Integer port) {
        if (port != null && port > 0 && port <= 65535) {
            ports.add(port);
        }
    }

    private static void addIp(Set<String> ips, String ip) {
        if (ip != null && !ip.isBlank()) {
            ips.add(ip.strip());
        }
    }

    /** When every backend of every running listener is abnormal, that fits a blocked range: say so, nothing more. */
    private static void corroborate(SlbSnapshot slb, EvidenceLog log) {
        if (!slb.healthKnown() || !slb.listenersKnown()) {
            return;
        }
        List<Listener> running = slb.runningListeners();
        List<BackendHealth> rows = running.stream().flatMap(l -> slb.healthOf(l).stream()).toList();
        boolean everyListenerHasRows = running.stream().allMatch(l -> !slb.healthOf(l).isEmpty());
        if (!running.isEmpty() && everyListenerHasRows && rows.stream().allMatch(BackendHealth::abnormal)) {
            log.api("every backend of every running listener is abnormal (" + rows.size()
                    + " health-check results), as when the backends drop SLB's health checks");
        }
    }
}
