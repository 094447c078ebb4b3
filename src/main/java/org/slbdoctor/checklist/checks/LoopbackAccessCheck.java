package org.slbdoctor.checklist.checks;

import java.util.ArrayList;
import java.util.List;
import org.slbdoctor.artifact.AnalyzedArtifact;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.accesslog.ClientIpStats;
import org.slbdoctor.artifact.accesslog.SlbAccessLogFacts;
import org.slbdoctor.checklist.ApiPart;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Rules;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.InstanceAttributes;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Guide cause 9: a backend calls the SLB's own address and may be scheduled to itself. */
@Component
@Order(100)
public class LoopbackAccessCheck extends AbstractCheck {

    static final CheckMetadata METADATA = new CheckMetadata("loopback-access", "9",
            "No backend server calls the SLB instance's own address",
            "没有后端服务器访问负载均衡实例自身的地址",
            "Make sure no backend ECS instance accesses the SLB instance's address. A backend that calls its own "
                    + "service through the SLB may be scheduled to itself, which loops and ends in 500 or 502: call the "
                    + "service locally or through another address instead.",
            "确保没有后端 ECS 实例访问负载均衡实例的地址。后端服务器通过负载均衡访问自身服务时，请求可能被调度回自己，"
                    + "形成环路并导致 500 或 502 错误：请改为在本机或通过其他地址访问该服务。");

    public LoopbackAccessCheck() {
        super(METADATA);
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        SlbSnapshot slb = evidence.slb();
        Observations o = evidence.observations();
        EvidenceLog log = new EvidenceLog();
        InstanceAttributes instance = slb.instance();
        if (instance != null) {
            log.api("instance address " + instance.address() + " (" + instance.addressType() + ")");
        }
        log.observation("backendCallsSlbAddress", o.backendCallsSlbAddress());
        List<String> backendIps = slb.knownBackendIps();
        if (!backendIps.isEmpty()) {
            log.api("backend addresses: " + String.join(", ", backendIps));
        }
        List<AnalyzedArtifact> logs = evidence.artifactsOf(ArtifactKind.SLB_ACCESS_LOG);
        List<String> loops = new ArrayList<>();
        for (AnalyzedArtifact artifact : logs) {
            SlbAccessLogFacts facts = (SlbAccessLogFacts) artifact.facts();
            List<ClientIpStats> fromBackends = facts.requestsFrom(backendIps);
            for (ClientIpStats s : fromBackends) {
                log.artifact(artifact.name(), s.firstLine().lineNumber(), s.firstLine().text());
                loops.add(s.count() + " request(s) from backend " + s.clientIp() + " in " + artifact.name()
                        + ", first at line " + s.firstLine().lineNumber() + ": " + s.firstLine().text());
            }
            if (fromBackends.isEmpty()) {
                // read and found clean (or unable to show a loop): say so rather than leave the log out
                log.artifact(artifact.name(), null, facts.records() + (facts.records() == 1 ? " request" : " requests")
                        + (facts.clientIps().isEmpty() ? ", no client_ip in any of them"
                                : ", none from a backend address"
                                        + (backendIps.isEmpty() ? " (no backend address known)" : "")));
            }
        }
        // only a log that names clients could show a loop, so only then do the backend addresses matter
        boolean logNamesClients = logs.stream()
                .anyMatch(a -> !((SlbAccessLogFacts) a.facts()).clientIps().isEmpty());
        Rules rules = new Rules(slb)
                .rule(Status.FAIL, () -> {
                    if (Boolean.TRUE.equals(o.backendCallsSlbAddress())) {
                        return Rules.match("A backend server calls the SLB instance's own address (backendCallsSlbAddress "
                                + "= true): its requests can be scheduled back to itself and loop.");
                    }
                    if (!loops.isEmpty()) {
                        return Rules.match("The SLB access log shows backends as clients of the instance: "
                                + String.join("; ", loops) + ".");
                    }
                    List<ApiPart> missing = !logNamesClients ? List.of()
                            : ApiPart.missingIn(slb, ApiPart.HEALTH, ApiPart.ATTRIBUTE, ApiPart.VSERVER_GROUPS);
                    return missing.isEmpty() ? Rules.noMatch() : Rules.skip(missing);
                })
                .rule(Status.PASS, List.of(), () -> Boolean.FALSE.equals(o.backendCallsSlbAddress())
                        ? "No backend calls the SLB instance's address (backendCallsSlbAddress = false)."
                        : null);
        return rules.finish(this, log, "Whether a backend calls the SLB instance's own address is not known.",
                List.of("observation:backendCallsSlbAddress"));
    }
}
