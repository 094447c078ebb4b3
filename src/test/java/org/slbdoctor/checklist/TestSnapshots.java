package org.slbdoctor.checklist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slbdoctor.artifact.AnalyzedArtifact;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.ApiCall;
import org.slbdoctor.slb.BackendHealth;
import org.slbdoctor.slb.BackendServer;
import org.slbdoctor.slb.CollectionError;
import org.slbdoctor.slb.ForwardingRule;
import org.slbdoctor.slb.InstanceAttributes;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;
import org.slbdoctor.slb.VServerGroup;

/** Builds SlbSnapshots the way the collector would, including failed calls (their part null). */
public final class TestSnapshots {

    public static final String LB = "lb-bp1o94dp5i6earr9g6d1l";

    private String regionId = "cn-hangzhou";
    private String status = "active";
    private String address = "47.96.1.10";
    private String addressType = "internet";
    private final List<BackendServer> defaultGroup = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final List<BackendHealth> health = new ArrayList<>();
    private final List<VServerGroup> groups = new ArrayList<>();
    private final List<ForwardingRule> rules = new ArrayList<>();
    private final List<CollectionError> errors = new ArrayList<>();

    public static TestSnapshots instance() {
        return new TestSnapshots();
    }

    /** A healthy web instance: 80/http with two normal backends. */
    public static TestSnapshots healthyWeb() {
        return instance().listener(TestListeners.http(80))
                .backend("i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 100)
                .backend("i-bp1h5u3fv54ytf5hq1ac", "192.168.0.12", 100)
                .health(80, "http", "i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 80, "normal")
                .health(80, "http", "i-bp1h5u3fv54ytf5hq1ac", "192.168.0.12", 80, "normal");
    }

    public TestSnapshots region(String r) { regionId = r; return this; }
    public TestSnapshots status(String s) { status = s; return this; }
    public TestSnapshots address(String a, String type) { address = a; addressType = type; return this; }

    public TestSnapshots listener(TestListeners l) {
        listeners.add(l.build());
        return this;
    }

    /** A member of the default server group (port comes from the listener's BackendServerPort). */
    public TestSnapshots backend(String serverId, String ip, int weight) {
        defaultGroup.add(new BackendServer(serverId, ip, null, weight, "ecs", null));
        return this;
    }

    public TestSnapshots health(int listenerPort, String protocol, String serverId, String ip, int port, String st) {
        health.add(new BackendHealth(serverId, ip, port, listenerPort, protocol, st));
        return this;
    }

    public TestSnapshots vServerGroup(String id, BackendServer... members) {
        groups.add(new VServerGroup(id, id + "-name", List.of(members), List.of(), List.of()));
        return this;
    }

    public TestSnapshots rule(int listenerPort, String protocol, String groupId) {
        rules.add(new ForwardingRule(listenerPort, protocol, "rule-" + rules.size(), "r", "example.com", "/api",
                groupId));
        return this;
    }

    /** The call failed: its part becomes null and the error is recorded as the collector records it. */
    public TestSnapshots failed(String action, String code) {
        errors.add(new CollectionError(action, code, "5B7B1E1A-0000-4C3B-9F4C-" + action.length(),
                "The request processing has failed due to some unknown error."));
        return this;
    }

    private boolean failedAny(String... actions) {
        return errors.stream().anyMatch(e -> List.of(actions).contains(e.action()));
    }

    public SlbSnapshot build() {
        InstanceAttributes attrs = failedAny("DescribeLoadBalancerAttribute") ? null
                : new InstanceAttributes(LB, "web-prod", status, address, addressType, "vpc", regionId,
                        "slb.s2.small", listeners.stream()
                                .map(l -> new InstanceAttributes.ListenerPortAndProtocol(l.port(), l.protocol())).toList(),
                        defaultGroup);
        List<ApiCall> calls = List.of(new ApiCall("DescribeLoadBalancerAttribute", "req-1", 12, 1, null, "{}"));
        return new SlbSnapshot(regionId, LB, Instant.parse("2026-11-23T10:00:00Z"), attrs,
                failedAny("DescribeLoadBalancerListeners") ? null : listeners,
                failedAny("DescribeHealthStatus") ? null : health,
                failedAny("DescribeVServerGroups", "DescribeVServerGroupAttribute") ? null : groups,
                // the collector reads forwarding rules only after DescribeVServerGroups
                failedAny("DescribeRules", "DescribeVServerGroups") ? null : rules, calls, errors);
    }

    public EvidenceSnapshot with(Observations observations, AnalyzedArtifact... artifacts) {
        return new EvidenceSnapshot(build(), observations, List.of(artifacts), CheckSettings.DEFAULTS);
    }

    public EvidenceSnapshot with(Observations.Builder observations, AnalyzedArtifact... artifacts) {
        return with(observations.build(), artifacts);
    }

    public EvidenceSnapshot bare() {
        return with(Observations.NONE);
    }

    public static Observations.Builder observed() {
        return Observations.builder();
    }

    public static Map<String, Integer> rp(Object... kv) {
        java.util.LinkedHashMap<String, Integer> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }
}
