package org.slbdoctor.diagnosis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slbdoctor.checklist.Evidence;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.ApiCall;
import org.slbdoctor.slb.BackendHealth;
import org.slbdoctor.slb.BackendServer;
import org.slbdoctor.slb.CollectionError;
import org.slbdoctor.slb.InstanceAttributes;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;

/** Hand-built snapshots and findings shaped like the sandbox's, for store/read/diff/report tests. */
public final class Fixtures {

    public static final String LB = "lb-bp1fixture0000000001";
    public static final List<String> CHECK_IDS = List.of("instance-state", "icp-antiddos", "client-blocked",
            "backend-firewall", "kernel-rp-filter", "backend-capacity", "health-check", "web-app", "header-size",
            "loopback-access");

    private Fixtures() {
    }

    public static Listener http(int port, String status, String healthCheck, Integer requestTimeout) {
        return new Listener(port, "http", status, "web", 80, null, "wrr", -1, healthCheck, "http", null, null, "/health",
                "http_2xx", "head", 2, 5, null, 3, 3, requestTimeout, 15, null);
    }

    public static Listener tcp(int port) {
        return new Listener(port, "tcp", "running", null, 80, null, "wrr", -1, "on", "tcp", null, null, null, null, null,
                2, null, 5, 3, 3, null, null, 900);
    }

    public static SlbSnapshot snapshot(String ecs1Health, Listener... listeners) {
        List<BackendHealth> health = new ArrayList<>();
        for (Listener l : listeners) {
            health.add(new BackendHealth("i-bp1aaa", "172.16.0.11", 80, l.port(), l.protocol(), ecs1Health));
            health.add(new BackendHealth("i-bp1bbb", "172.16.0.12", 80, l.port(), l.protocol(), "normal"));
        }
        return new SlbSnapshot("cn-hangzhou", LB, Instant.parse("2026-11-23T10:00:00Z"), attributes(),
                List.of(listeners), health, List.of(), List.of(),
                List.of(new ApiCall("DescribeLoadBalancerAttribute", "REQ-ATTR-1", 12, 1, null, "{\"RequestId\":\"REQ-ATTR-1\"}"),
                        new ApiCall("DescribeLoadBalancerListeners", "REQ-LIS-1", 20, 1, null, "{}"),
                        new ApiCall("DescribeHealthStatus", "REQ-HS-1", 8, 2, null, "{}")),
                List.of());
    }

    public static SlbSnapshot healthFailed() {
        return new SlbSnapshot("cn-hangzhou", LB, Instant.parse("2026-11-23T10:00:00Z"), attributes(),
                List.of(http(80, "running", "on", 60)), null, List.of(), List.of(),
                List.of(new ApiCall("DescribeHealthStatus", "REQ-HS-9", 30, 3, "ServiceUnavailable", null)),
                List.of(new CollectionError("DescribeHealthStatus", "ServiceUnavailable", "REQ-HS-9", "try later")));
    }

    public static InstanceAttributes attributes() {
        return new InstanceAttributes(LB, "web-prod 生产 <b>", "active", "47.0.0.1", "internet", "vpc", "cn-hangzhou",
                "slb.s1.small", List.of(new InstanceAttributes.ListenerPortAndProtocol(80, "http")),
                List.of(new BackendServer("i-bp1aaa", "172.16.0.11", null, 100, "ecs", null),
                        new BackendServer("i-bp1bbb", "172.16.0.12", null, 100, "ecs", null)));
    }

    /** Every check once; the given check gets the given status, the rest PASS. */
    public static List<Finding> findings(String checkId, Status status) {
        List<Finding> findings = new ArrayList<>();
        for (String id : CHECK_IDS) {
            Status s = id.equals(checkId) ? status : Status.PASS;
            List<Evidence> evidence = id.equals(checkId)
                    ? List.of(Evidence.api("listener 80/http: backend i-bp1aaa port 80 abnormal"),
                            Evidence.artifact("web-1 error.log", 7, "upstream timed out (110: Connection timed out)"))
                    : List.of();
            findings.add(new Finding(id, s, "Title of " + id, "Summary of " + id, evidence, "Resolution of " + id,
                    "6", s == Status.UNKNOWN ? List.of("api:DescribeHealthStatus") : List.of()));
        }
        return findings;
    }

    /** Stores a hand-made diagnosis as a finished run would; returns its id. */
    public static long store(DiagnosisService service, Instant at, SlbSnapshot snapshot, List<Finding> findings,
            Observations observations, List<ArtifactRecord> artifacts) {
        return service.store(new NewDiagnosis(LB, at, "alice", snapshot, 1, observations, artifacts, findings,
                Status.worst(findings.stream().map(Finding::status).toList()))).id();
    }

    public static NewDiagnosis run(Instant at, SlbSnapshot snapshot, List<Finding> findings) {
        return new NewDiagnosis(LB, at, "operator", snapshot, 3, Observations.NONE, List.of(
                new ArtifactRecord(41, "nginx-error-log", "web-1 error.log", at, "1 upstream timeout",
                        List.of(new ArtifactRecord.Line(7, "upstream timed out (110: Connection timed out)")))),
                findings, Status.worst(findings.stream().map(Finding::status).toList()));
    }
}
