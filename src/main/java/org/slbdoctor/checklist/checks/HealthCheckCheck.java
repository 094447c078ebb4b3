package org.slbdoctor.checklist.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slbdoctor.checklist.ApiPart;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Rules;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.slb.BackendHealth;
import org.slbdoctor.slb.BackendServer;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Guide cause 6: 502 because backends fail their health check, or because the health check is off. */
@Component
@Order(70)
public class HealthCheckCheck extends AbstractCheck {

    static final CheckMetadata METADATA = new CheckMetadata("health-check", "6",
            "Every running listener has healthy, weighted backends and its health check on",
            "每个运行中的监听都有健康且权重大于 0 的后端服务器，并已开启健康检查",
            "Resolve the health check failures of the abnormal backends (see \"Resolve health check failures\": the "
                    + "backend service, its port, the health-check path and the firewall). Give every listener at least "
                    + "one backend with a weight above 0. Keep the health check on: with it off, SLB keeps sending "
                    + "requests to a backend that cannot process them and clients get 502.",
            "排查并解决异常后端服务器的健康检查失败问题（参见“健康检查异常排查”：后端服务、端口、健康检查路径和防火墙）。"
                    + "确保每个监听至少有一台权重大于 0 的后端服务器。请保持健康检查开启：关闭后，即使后端服务器无法处理请求，"
                    + "负载均衡仍会向其转发，客户端将收到 502。");

    public HealthCheckCheck() {
        super(METADATA);
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        SlbSnapshot slb = evidence.slb();
        List<Listener> running = slb.runningListeners();
        EvidenceLog log = new EvidenceLog();
        for (Listener l : running) {
            log.api("listener " + l.label() + ": health check " + (l.healthCheckOn() ? "on" + settings(l) : "off"));
            List<BackendServer> backends = slb.backendsOf(l);
            if (slb.backendsKnown(l) && backends.isEmpty()) {
                log.api("listener " + l.label() + ": no backend server");
            }
            for (BackendServer b : backends) {
                log.api("listener " + l.label() + ": backend " + b.serverId() + ip(b.serverIp()) + " port "
                        + b.port() + " weight " + (b.weight() == null ? "not known" : b.weight()));
            }
            for (BackendHealth h : slb.healthOf(l)) {
                log.api("listener " + l.label() + ": backend " + h.serverId() + ip(h.serverIp()) + " port " + h.port()
                        + " " + h.status() + weightNote(slb, l, h));
            }
        }
        Rules rules = new Rules(slb)
                .rule(Status.FAIL, () -> abnormalBackends(slb, running))
                .rule(Status.FAIL, () -> listenersWithoutServingBackend(slb, running))
                .rule(Status.WARN, List.of(ApiPart.LISTENERS), () -> {
                    List<String> off = running.stream().filter(l -> !l.healthCheckOn()).map(Listener::label).toList();
                    return off.isEmpty() ? null : "The health check is off on listener(s) " + String.join(", ", off)
                            + ": whenever a backend cannot process requests, SLB still sends it traffic and clients get 502.";
                })
                .rule(Status.PASS, List.of(ApiPart.LISTENERS), () -> running.isEmpty()
                        ? "No listener is running, so no backend health check can fail (see instance-state)."
                        : "All " + running.size() + " running listener(s) (" + String.join(", ",
                                running.stream().map(Listener::label).toList())
                                + ") have their health check on and no weighted backend is abnormal.");
        return rules.finish(this, log, "The listeners' backend health is not known.", List.of());
    }

    /** Rule 1: a weighted backend of a running listener is abnormal. */
    private static Rules.Outcome abnormalBackends(SlbSnapshot slb, List<Listener> running) {
        if (!slb.listenersKnown()) {
            // the listeners matter only to tie an abnormal row to a running listener: with none, no match
            if (slb.healthKnown() && slb.health().stream().noneMatch(BackendHealth::abnormal)) {
                return Rules.noMatch();
            }
            return Rules.skip(ApiPart.missingIn(slb, ApiPart.LISTENERS, ApiPart.HEALTH));
        }
        if (running.isEmpty()) {
            return Rules.noMatch();
        }
        if (!slb.healthKnown()) {
            return Rules.skip(List.of(ApiPart.HEALTH));
        }
        List<String> problems = new ArrayList<>();
        for (Listener l : running) {
            List<BackendHealth> rows = slb.healthOf(l);
            // a backend whose weight cannot be read counts as weighted: 0 is the exception
            List<BackendHealth> weighted = rows.stream()
                    .filter(h -> weightOf(slb, l, h).map(w -> w > 0).orElse(true))
                    .toList();
            List<BackendHealth> weightedAbnormal = weighted.stream().filter(BackendHealth::abnormal).toList();
            if (weightedAbnormal.isEmpty()) {
                continue;
            }
            // weight-0 backends get no traffic: when every backend that does is abnormal, nothing serves
            boolean allAbnormal = rows.stream().allMatch(BackendHealth::abnormal);
            if (allAbnormal || weightedAbnormal.size() == weighted.size()) {
                int n = allAbnormal ? rows.size() : weighted.size();
                List<String> drainedNormal = rows.stream().filter(h -> !h.abnormal()).filter(h -> !weighted.contains(h))
                        .map(h -> h.serverId() + " port " + h.port()).toList();
                problems.add("listener " + l.label() + ": all " + n
                        + " backends abnormal: every request on this listener fails ("
                        + String.join(", ", weightedAbnormal.stream().map(h -> h.serverId() + " port " + h.port()).toList())
                        + (drainedNormal.isEmpty() ? ""
                                : "; normal but weight 0, so receiving no traffic: " + String.join(", ", drainedNormal))
                        + ")");
            } else {
                weightedAbnormal.forEach(h -> problems.add("listener " + l.label() + ": backend " + h.serverId()
                        + ip(h.serverIp()) + " port " + h.port() + " is abnormal"));
            }
        }
        return problems.isEmpty() ? Rules.noMatch()
                : Rules.match("Health check failing — " + String.join("; ", problems) + ".");
    }

    /** Rule 2: a running listener has no backend, or only weight-0 ones. */
    private static Rules.Outcome listenersWithoutServingBackend(SlbSnapshot slb, List<Listener> running) {
        if (!slb.listenersKnown()) {
            return Rules.skip(List.of(ApiPart.LISTENERS));
        }
        List<String> problems = new ArrayList<>();
        Set<ApiPart> missing = new LinkedHashSet<>();
        for (Listener l : running) {
            List<BackendServer> backends = slb.backendsOf(l);
            if (backends.stream().anyMatch(BackendServer::weighted)) {
                continue;
            }
            if (!slb.backendsKnown(l)) {
                missing.addAll(backendParts(slb, l));
            } else if (backends.isEmpty()) {
                problems.add("listener " + l.label() + " has no backend server");
            } else {
                problems.add("listener " + l.label() + ": all " + backends.size() + " backend(s) have weight 0 ("
                        + String.join(", ", backends.stream().map(BackendServer::serverId).toList()) + ")");
            }
        }
        if (!problems.isEmpty()) {
            return Rules.match(capitalize(String.join("; ", problems)) + ": SLB has nowhere to send its requests.");
        }
        return missing.isEmpty() ? Rules.noMatch() : Rules.skip(missing);
    }

    private static List<ApiPart> backendParts(SlbSnapshot slb, Listener l) {
        List<ApiPart> parts = new ArrayList<>();
        parts.add(l.usesVServerGroup() ? ApiPart.VSERVER_GROUPS : ApiPart.ATTRIBUTE);
        if (l.layer7()) {
            parts.add(ApiPart.RULES);
            parts.add(ApiPart.VSERVER_GROUPS);
        }
        List<ApiPart> missing = parts.stream().distinct().filter(p -> !p.collected(slb)).toList();
        return missing.isEmpty() ? List.of(ApiPart.VSERVER_GROUPS) : missing;
    }

    /** The weight of a health row's backend, from the listener's server lists; empty when not known. */
    private static Optional<Integer> weightOf(SlbSnapshot slb, Listener l, BackendHealth h) {
        // the highest: a server listed twice (default group and a rule's group) serves through either
        return slb.backendsOf(l).stream()
                .filter(b -> b.serverId() != null && b.serverId().equals(h.serverId()))
                .filter(b -> b.port() == null || h.port() == null || b.port().equals(h.port()))
                .map(BackendServer::weight)
                .filter(w -> w != null)
                .max(Integer::compare);
    }

    private static String weightNote(SlbSnapshot slb, Listener l, BackendHealth h) {
        return weightOf(slb, l, h).map(w -> w == 0 ? " (weight 0: receives no traffic)" : ", weight " + w)
                .orElse(", weight not known");
    }

    private static String settings(Listener l) {
        List<String> parts = new ArrayList<>();
        if (l.healthCheckType() != null) {
            parts.add(l.healthCheckType());
        }
        if (l.healthCheckConnectPort() != null) {
            parts.add("port " + l.healthCheckConnectPort());
        }
        if (l.healthCheckUri() != null) {
            parts.add("URI " + l.healthCheckUri());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String ip(String ip) {
        return ip == null || ip.isBlank() ? "" : " (" + ip + ")";
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
