package org.slbdoctor.checklist.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slbdoctor.artifact.AnalyzedArtifact;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.sysctl.RpFilterValue;
import org.slbdoctor.artifact.sysctl.SysctlFacts;
import org.slbdoctor.checklist.ApiPart;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.Evidence;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Rules;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Guide cause 4: rp_filter enabled on the backend while a Layer-4 listener forwards to it. */
@Component
@Order(50)
public class KernelRpFilterCheck extends AbstractCheck {

    static final CheckMetadata METADATA = new CheckMetadata("kernel-rp-filter", "4",
            "rp_filter is disabled on the backends behind Layer-4 listeners",
            "四层监听后端服务器的 rp_filter 内核参数已关闭",
            "On Linux backends behind a Layer-4 (TCP/UDP) listener, disable reverse-path filtering: set "
                    + "net.ipv4.conf.default.rp_filter, net.ipv4.conf.all.rp_filter and net.ipv4.conf.eth0.rp_filter to 0 "
                    + "in /etc/sysctl.conf and apply them with sysctl -p.",
            "对于四层（TCP/UDP）监听后端的 Linux 服务器，请关闭反向路径过滤：在 /etc/sysctl.conf 中将 "
                    + "net.ipv4.conf.default.rp_filter、net.ipv4.conf.all.rp_filter 和 net.ipv4.conf.eth0.rp_filter 设为 0，"
                    + "然后执行 sysctl -p 使其生效。");

    public KernelRpFilterCheck() {
        super(METADATA);
    }

    /** One known rp_filter value and the line that says it. */
    record Known(String iface, Integer value, String quote, Evidence evidence) {
        boolean zero() {
            return value != null && value == 0;
        }
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        SlbSnapshot slb = evidence.slb();
        EvidenceLog log = new EvidenceLog();
        if (slb.listenersKnown()) {
            List<String> layer4 = slb.listeners().stream().filter(Listener::layer4).map(Listener::label).toList();
            log.api(layer4.isEmpty() ? "no Layer-4 (tcp/udp) listener"
                    : "Layer-4 listener(s): " + String.join(", ", layer4));
        }
        Map<String, Known> values = knownValues(evidence, log);
        Rules rules = new Rules(slb)
                .rule(Status.NOT_APPLICABLE, List.of(ApiPart.LISTENERS),
                        () -> slb.listeners().stream().noneMatch(Listener::layer4)
                                ? "The instance has no tcp or udp listener: rp_filter on the backends cannot drop "
                                        + "its traffic (Layer-7 listeners proxy the connection)."
                                : null)
                .rule(Status.FAIL, List.of(), () -> {
                    List<String> bad = values.values().stream().filter(k -> !k.zero()).map(Known::quote).toList();
                    return bad.isEmpty() ? null
                            : "Reverse-path filtering is on for a backend behind a Layer-4 listener: "
                                    + String.join("; ", bad) + ".";
                })
                .rule(Status.PASS, List.of(), () -> values.containsKey("all") && values.containsKey("default")
                        ? "rp_filter is 0 for every known interface (" + String.join(", ", values.keySet()) + ")."
                        : null);
        List<String> unknownIfaces = new ArrayList<>();
        for (String iface : List.of("all", "default")) {
            if (!values.containsKey(iface)) {
                unknownIfaces.add("net.ipv4.conf." + iface + ".rp_filter");
            }
        }
        return rules.finish(this, log, "The backend's " + String.join(" and ", unknownIfaces)
                + " " + (unknownIfaces.size() == 1 ? "is" : "are") + " not known.",
                List.of("observation:rpFilter", "artifact:sysctl"));
    }

    /** The observation first, then each sysctl artifact in upload order: the newest says last. */
    private static Map<String, Known> knownValues(EvidenceSnapshot evidence, EvidenceLog log) {
        Map<String, Known> values = new LinkedHashMap<>();
        Map<String, Integer> observed = evidence.observations().rpFilter();
        if (observed == null || observed.isEmpty()) {
            log.observation("rpFilter", null);
        } else {
            new TreeMap<>(observed).forEach((iface, value) -> {
                String text = "rpFilter." + iface + " = " + value;
                Evidence e = Evidence.observation(text);
                log.add(e);
                values.put(iface, new Known(iface, value,
                        "net.ipv4.conf." + iface + ".rp_filter = " + value + " (observation)", e));
            });
        }
        for (AnalyzedArtifact artifact : evidence.artifactsOf(ArtifactKind.SYSCTL)) {
            SysctlFacts facts = (SysctlFacts) artifact.facts();
            if (facts.rpFilterValues().isEmpty()) {
                // read, but it says nothing about rp_filter: list it so the finding shows it was not ignored
                log.artifact(artifact.name(), null, "no net.ipv4.conf.<interface>.rp_filter line ("
                        + facts.entries().size() + " key = value " + (facts.entries().size() == 1 ? "line" : "lines") + ")");
            }
            for (RpFilterValue v : facts.rpFilterValues().values()) {
                Evidence e = Evidence.artifact(artifact.name(), v.entry().lineNumber(), v.entry().line().text());
                log.add(e);
                // quote the line as written (net.ipv4.conf.all.rp_filter=1, the slash form...), not a rewrite
                values.put(v.iface(), new Known(v.iface(), v.value(), v.entry().line().text().strip()
                        + " (" + artifact.name() + " line " + v.entry().lineNumber() + ")", e));
            }
        }
        return values;
    }
}
