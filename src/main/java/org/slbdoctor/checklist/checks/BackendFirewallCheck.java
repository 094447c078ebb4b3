package org.slbdoctor.checklist.checks;

import java.util.ArrayList;
import java.util.List;
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
        Rules rules = new Rules(slb)
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
        return rules.finish(this, log, "Whether a firewall or security software on the backends blocks 100.64.0.0/10 "
                + "is not known.", missing);
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
