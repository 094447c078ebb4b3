package org.slbdoctor.slb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one collection read from the SLB API for one instance. Immutable.
 *
 * <p>A part is {@code null} when the call that provides it failed (see {@link #errors()}): checks
 * must be able to tell "the API said there is nothing" (empty list) from "we could not ask" (null).
 */
public record SlbSnapshot(
        String regionId,
        String loadBalancerId,
        Instant collectedAt,
        InstanceAttributes instance,
        List<Listener> listeners,
        List<BackendHealth> health,
        List<VServerGroup> vServerGroups,
        List<ForwardingRule> rules,
        List<ApiCall> calls,
        List<CollectionError> errors) {

    public SlbSnapshot {
        listeners = listeners == null ? null : List.copyOf(listeners);
        health = health == null ? null : List.copyOf(health);
        vServerGroups = vServerGroups == null ? null : List.copyOf(vServerGroups);
        rules = rules == null ? null : List.copyOf(rules);
        calls = calls == null ? List.of() : List.copyOf(calls);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean complete() {
        return errors.isEmpty();
    }

    public boolean instanceKnown() {
        return instance != null;
    }

    public boolean listenersKnown() {
        return listeners != null;
    }

    public boolean healthKnown() {
        return health != null;
    }

    public boolean vServerGroupsKnown() {
        return vServerGroups != null;
    }

    public boolean rulesKnown() {
        return rules != null;
    }

    /** The first error of the given action, if that call failed. */
    public Optional<CollectionError> errorOf(String action) {
        return errors.stream().filter(e -> e.action().equals(action)).findFirst();
    }

    public List<Listener> runningListeners() {
        return listeners == null ? List.of() : listeners.stream().filter(Listener::running).toList();
    }

    /**
     * Whether everything needed to know a listener's backends was collected: the default server
     * group (instance attribute) or its VServer group, and for a Layer-7 listener its forwarding
     * rules and the VServer groups they point to.
     */
    public boolean backendsKnown(Listener listener) {
        if (listener.usesVServerGroup() ? vServerGroups == null : instance == null) {
            return false;
        }
        if (!listener.layer7()) {
            return true;
        }
        return rules != null && (vServerGroups != null || ruleGroupIds(listener).isEmpty());
    }

    /**
     * A listener's backends as CHECKLIST.md defines them: the default server group when it has no
     * VServer group, else that group's members, plus the members of the VServer groups its
     * forwarding rules point to. Members the API did not return (failed calls) are simply absent.
     */
    public List<BackendServer> backendsOf(Listener listener) {
        Map<String, BackendServer> byKey = new LinkedHashMap<>();
        if (listener.usesVServerGroup()) {
            groupMembers(listener.vServerGroupId()).forEach(b -> addBackend(byKey, b));
        } else if (instance != null) {
            for (BackendServer b : instance.defaultServerGroup()) {
                addBackend(byKey, b.port() == null ? b.withPort(listener.backendServerPort()) : b);
            }
        }
        for (String groupId : ruleGroupIds(listener)) {
            groupMembers(groupId).forEach(b -> addBackend(byKey, b));
        }
        return List.copyOf(byKey.values());
    }

    /**
     * The same server and port in two of a listener's groups gets traffic through either: keep the
     * entry that carries traffic (a weight of 0 in the default group does not drain a rule's group).
     */
    private static void addBackend(Map<String, BackendServer> byKey, BackendServer b) {
        byKey.merge(b.key(), b, (kept, other) -> !kept.weighted() && other.weighted() ? other : kept);
    }

    /** Health entries of one listener, matched by listener port (and protocol when given). */
    public List<BackendHealth> healthOf(Listener listener) {
        if (health == null) {
            return List.of();
        }
        return health.stream()
                .filter(h -> h.listenerPort() == listener.port())
                .filter(h -> h.protocol() == null || h.protocol().isBlank()
                        || h.protocol().equalsIgnoreCase(listener.protocol()))
                .toList();
    }

    /** Every backend private IP known from any collected source (health, default group, groups). */
    public List<String> knownBackendIps() {
        List<String> ips = new ArrayList<>();
        if (health != null) {
            health.forEach(h -> addIp(ips, h.serverIp()));
        }
        if (instance != null) {
            instance.defaultServerGroup().forEach(b -> addIp(ips, b.serverIp()));
        }
        if (vServerGroups != null) {
            vServerGroups.forEach(g -> g.backendServers().forEach(b -> addIp(ips, b.serverIp())));
        }
        return List.copyOf(ips);
    }

    private static void addIp(List<String> ips, String ip) {
        if (ip != null && !ip.isBlank() && !ips.contains(ip)) {
            ips.add(ip);
        }
    }

    private List<String> ruleGroupIds(Listener listener) {
        List<String> ids = new ArrayList<>();
        if (rules != null) {
            rules.stream()
                    .filter(r -> r.listenerPort() == listener.port()
                            && (r.listenerProtocol() == null || r.listenerProtocol().equalsIgnoreCase(listener.protocol())))
                    .map(ForwardingRule::vServerGroupId)
                    .filter(Objects::nonNull)
                    .filter(id -> !id.isBlank())
                    .forEach(ids::add);
        }
        return ids;
    }

    private List<BackendServer> groupMembers(String groupId) {
        if (vServerGroups == null || groupId == null) {
            return List.of();
        }
        return vServerGroups.stream()
                .filter(g -> g.id().equals(groupId))
                .findFirst()
                .map(VServerGroup::backendServers)
                .orElse(List.of());
    }
}
