package org.slbdoctor.checklist.checks;

import java.util.ArrayList;
import java.util.List;
import org.slbdoctor.checklist.ApiPart;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Rules;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.slb.InstanceAttributes;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Beyond the guide: a locked or inactive instance, or a stopped listener, serves nothing. */
@Component
@Order(10)
public class InstanceStateCheck extends AbstractCheck {

    static final CheckMetadata METADATA = new CheckMetadata("instance-state", "—",
            "The SLB instance is active and all its listeners are running",
            "负载均衡实例处于运行中，且所有监听均已启动",
            "Make sure the instance is active (a locked instance is usually overdue or expired: renew or settle the "
                    + "account; an inactive one was stopped: start it) and start every stopped listener. Listeners that "
                    + "are starting or configuring should settle within minutes; check again.",
            "确保实例处于运行中（已锁定通常是欠费或到期：请续费或结清欠款；已停止的实例请重新启动），并启动所有已停止的监听。"
                    + "处于启动中或配置中的监听通常几分钟内恢复，请稍后重新检查。");

    public InstanceStateCheck() {
        super(METADATA);
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        SlbSnapshot slb = evidence.slb();
        InstanceAttributes instance = slb.instance();
        List<Listener> listeners = slb.listeners();
        EvidenceLog log = new EvidenceLog();
        if (instance != null) {
            log.api("instance " + slb.loadBalancerId() + ": LoadBalancerStatus " + instance.status());
        }
        if (listeners != null) {
            if (listeners.isEmpty()) {
                log.api("instance has no listener");
            }
            listeners.forEach(l -> log.api("listener " + l.label() + ": Status " + l.status()));
        }
        Rules rules = new Rules(slb)
                .rule(Status.FAIL, () -> {
                    List<String> problems = new ArrayList<>();
                    if (instance != null && (instance.locked() || instance.inactive())) {
                        problems.add("instance " + slb.loadBalancerId() + " is " + instance.status()
                                + (instance.locked() ? " (no operations, no forwarding)" : " (stopped: no forwarding)"));
                    }
                    if (listeners != null) {
                        listeners.stream().filter(Listener::stopped)
                                .forEach(l -> problems.add("listener " + l.label() + " is stopped"));
                    }
                    if (!problems.isEmpty()) {
                        return Rules.match(capitalize(String.join("; ", problems)) + ".");
                    }
                    List<ApiPart> missing = ApiPart.missingIn(slb, ApiPart.ATTRIBUTE, ApiPart.LISTENERS);
                    return missing.isEmpty() ? Rules.noMatch() : Rules.skip(missing);
                })
                .rule(Status.WARN, List.of(ApiPart.LISTENERS), () -> {
                    List<String> transitional = listeners.stream()
                            .filter(l -> "starting".equalsIgnoreCase(l.status()) || "configuring".equalsIgnoreCase(l.status()))
                            .map(l -> "listener " + l.label() + " is " + l.status()).toList();
                    return transitional.isEmpty() ? null
                            : capitalize(String.join("; ", transitional)) + ": it may not forward requests yet.";
                })
                .rule(Status.PASS, List.of(ApiPart.ATTRIBUTE, ApiPart.LISTENERS),
                        () -> "Instance " + slb.loadBalancerId() + " is " + instance.status() + " and "
                                + (listeners.isEmpty() ? "has no listener to stop."
                                        : "all " + listeners.size() + " listener(s) are running."));
        return rules.finish(this, log, "The state of the instance or of its listeners is not known.", List.of());
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
