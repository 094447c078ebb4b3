package org.slbdoctor.slb;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersResponse;
import com.aliyuncs.slb.model.v20140515.DescribeRulesRequest;
import com.aliyuncs.slb.model.v20140515.DescribeRulesResponse;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupsRequest;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupsResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Reads one instance's state through the SLB API into an immutable {@link SlbSnapshot}.
 *
 * <p>Round 1 (all in parallel): DescribeLoadBalancerAttribute, DescribeLoadBalancerListeners (every
 * page, MaxResults 100), DescribeHealthStatus (all listeners in one call), DescribeVServerGroups
 * (IncludeRule + IncludeListener). Round 2 (in parallel, only when VServer groups are in use):
 * DescribeVServerGroupAttribute per group in use, DescribeRules for the Layer-7 listeners whose
 * groups carry rules. An instance on its default server group without rules costs 4 calls. A failed
 * call leaves its part {@code null} and is listed in {@code errors}; the rest is kept.
 */
public class SlbCollector implements AutoCloseable {

    private final SlbClient client;
    private final Executor executor;
    private final Clock clock;

    public SlbCollector(SlbClient client, Executor executor, Clock clock) {
        this.client = client;
        this.executor = executor;
        this.clock = clock;
    }

    /** A collector with its own pool of {@code client.settings().concurrency()} threads, shut down by {@link #close()}. */
    public static SlbCollector withOwnThreads(SlbClient client, Clock clock) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                client.settings().concurrency(), r -> {
                    Thread t = new Thread(r, "slb-collect-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return new SlbCollector(client, pool, clock);
    }

    @Override
    public void close() {
        if (executor instanceof java.util.concurrent.ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    public SlbSnapshot collect(String regionId, String loadBalancerId) {
        List<ApiCall> calls = Collections.synchronizedList(new ArrayList<>());
        List<CollectionError> errors = Collections.synchronizedList(new ArrayList<>());

        CompletableFuture<DescribeLoadBalancerAttributeResponse> attributeF = async(() -> {
            DescribeLoadBalancerAttributeRequest r = new DescribeLoadBalancerAttributeRequest();
            r.setLoadBalancerId(loadBalancerId);
            return call(regionId, r, calls, errors);
        });
        CompletableFuture<List<DescribeLoadBalancerListenersResponse.Listener>> listenersF = async(
                () -> allListeners(regionId, loadBalancerId, calls, errors));
        CompletableFuture<DescribeHealthStatusResponse> healthF = async(() -> {
            DescribeHealthStatusRequest r = new DescribeHealthStatusRequest();
            r.setLoadBalancerId(loadBalancerId);
            return call(regionId, r, calls, errors);
        });
        CompletableFuture<DescribeVServerGroupsResponse> groupsF = async(() -> {
            DescribeVServerGroupsRequest r = new DescribeVServerGroupsRequest();
            r.setLoadBalancerId(loadBalancerId);
            r.setIncludeRule(true);
            r.setIncludeListener(true);
            return call(regionId, r, calls, errors);
        });

        InstanceAttributes instance = map(attributeF.join(), SlbCollector::toInstance);
        List<DescribeLoadBalancerListenersResponse.Listener> rawListeners = listenersF.join();
        List<Listener> listeners = rawListeners == null ? null : rawListeners.stream().map(SlbCollector::toListener).toList();
        List<BackendHealth> health = map(healthF.join(), SlbCollector::toHealth);
        DescribeVServerGroupsResponse groups = groupsF.join();

        List<VServerGroup> vServerGroups = null;
        List<ForwardingRule> rules = null;
        if (groups != null) {
            Round2 round2 = secondRound(regionId, loadBalancerId, groups, listeners, calls, errors);
            vServerGroups = round2.groups();
            rules = round2.rules();
        }
        List<ApiCall> orderedCalls;
        synchronized (calls) {
            orderedCalls = List.copyOf(calls);
        }
        List<CollectionError> orderedErrors;
        synchronized (errors) {
            orderedErrors = List.copyOf(errors);
        }
        return new SlbSnapshot(regionId, loadBalancerId, clock.instant(), instance, listeners, health, vServerGroups,
                rules, orderedCalls, orderedErrors);
    }

    private record Round2(List<VServerGroup> groups, List<ForwardingRule> rules) {
    }

    private Round2 secondRound(String regionId, String loadBalancerId, DescribeVServerGroupsResponse groups,
            List<Listener> listeners, List<ApiCall> calls, List<CollectionError> errors) {
        Set<String> inUse = new LinkedHashSet<>();
        Set<String> knownRuleIds = new LinkedHashSet<>();
        Set<String> ruleListenerKeys = new LinkedHashSet<>();
        boolean orphanRules = false;
        for (DescribeVServerGroupsResponse.VServerGroup g : list(groups.getVServerGroups())) {
            var assoc = g.getAssociatedObjects();
            boolean hasListeners = assoc != null && !list(assoc.getListeners()).isEmpty();
            boolean hasRules = assoc != null && !list(assoc.getRules()).isEmpty();
            if (hasListeners || hasRules) {
                inUse.add(g.getVServerGroupId());
            }
            if (hasRules) {
                assoc.getRules().stream().map(r -> r.getRuleId()).filter(Objects::nonNull).forEach(knownRuleIds::add);
                if (hasListeners) {
                    assoc.getListeners().forEach(l -> ruleListenerKeys.add(l.getPort() + "/" + lower(l.getBizProtocol())));
                } else {
                    orphanRules = true;
                }
            }
        }
        if (listeners != null) {
            listeners.stream().filter(Listener::usesVServerGroup).forEach(l -> inUse.add(l.vServerGroupId()));
        }
        // Rules name their target group but not their listener: ask the Layer-7 listeners whose groups
        // carry rules; when a rule's group is used by no listener, every Layer-7 listener may own it.
        List<Listener> ruleListeners = new ArrayList<>();
        if (!knownRuleIds.isEmpty()) {
            if (listeners == null) {
                errors.add(new CollectionError("DescribeRules", "SDK.DependencyFailed", null,
                        "forwarding rules not read: the listeners are unknown (DescribeLoadBalancerListeners failed)"));
            } else {
                for (Listener l : listeners) {
                    if (l.layer7() && (orphanRules || ruleListenerKeys.contains(l.port() + "/" + l.protocol()))) {
                        ruleListeners.add(l);
                    }
                }
            }
        }

        Map<String, CompletableFuture<DescribeVServerGroupAttributeResponse>> groupFs = new LinkedHashMap<>();
        for (String id : inUse) {
            groupFs.put(id, async(() -> {
                DescribeVServerGroupAttributeRequest r = new DescribeVServerGroupAttributeRequest();
                r.setVServerGroupId(id);
                return call(regionId, r, calls, errors);
            }));
        }
        Map<Listener, CompletableFuture<DescribeRulesResponse>> ruleFs = new LinkedHashMap<>();
        for (Listener l : ruleListeners) {
            ruleFs.put(l, async(() -> describeRules(regionId, loadBalancerId, l, calls, errors)));
        }

        List<VServerGroup> vServerGroups = new ArrayList<>();
        boolean groupsComplete = true;
        for (DescribeVServerGroupsResponse.VServerGroup g : list(groups.getVServerGroups())) {
            CompletableFuture<DescribeVServerGroupAttributeResponse> f = groupFs.get(g.getVServerGroupId());
            if (f == null) {
                continue;
            }
            DescribeVServerGroupAttributeResponse attr = f.join();
            if (attr == null) {
                groupsComplete = false;
                continue;
            }
            vServerGroups.add(toGroup(g, attr));
        }
        List<ForwardingRule> rules = new ArrayList<>();
        boolean rulesComplete = listeners != null || knownRuleIds.isEmpty();
        rulesComplete &= addRules(ruleFs, rules);
        // A group's listeners are those using it as their own group; a rule pointing to it may belong to
        // another listener: rules still unaccounted for are looked for on the other Layer-7 listeners.
        Set<String> missing = new LinkedHashSet<>(knownRuleIds);
        rules.forEach(r -> missing.remove(r.ruleId()));
        if (rulesComplete && !missing.isEmpty() && listeners != null) {
            Map<Listener, CompletableFuture<DescribeRulesResponse>> moreFs = new LinkedHashMap<>();
            for (Listener l : listeners) {
                if (l.layer7() && !ruleFs.containsKey(l)) {
                    moreFs.put(l, async(() -> describeRules(regionId, loadBalancerId, l, calls, errors)));
                }
            }
            rulesComplete = addRules(moreFs, rules);
        }
        // A partial list would read as "these are all the backends": better unknown than wrong.
        return new Round2(groupsComplete ? vServerGroups : null, rulesComplete ? rules : null);
    }

    /** Adds the rules of each answered call; false when any call failed. */
    private static boolean addRules(Map<Listener, CompletableFuture<DescribeRulesResponse>> ruleFs,
            List<ForwardingRule> rules) {
        boolean complete = true;
        for (Map.Entry<Listener, CompletableFuture<DescribeRulesResponse>> e : ruleFs.entrySet()) {
            DescribeRulesResponse r = e.getValue().join();
            if (r == null) {
                complete = false;
                continue;
            }
            Listener l = e.getKey();
            list(r.getRules()).forEach(rule -> rules.add(new ForwardingRule(l.port(), l.protocol(), rule.getRuleId(),
                    rule.getRuleName(), rule.getDomain(), rule.getUrl(), rule.getVServerGroupId())));
        }
        return complete;
    }

    private DescribeRulesResponse describeRules(String regionId, String loadBalancerId, Listener l, List<ApiCall> calls,
            List<CollectionError> errors) {
        DescribeRulesRequest r = new DescribeRulesRequest();
        r.setLoadBalancerId(loadBalancerId);
        r.setListenerPort(l.port());
        r.setListenerProtocol(l.protocol());
        return call(regionId, r, calls, errors);
    }

    /** Every listener, following NextToken; null when any page failed. */
    private List<DescribeLoadBalancerListenersResponse.Listener> allListeners(String regionId, String loadBalancerId,
            List<ApiCall> calls, List<CollectionError> errors) {
        List<DescribeLoadBalancerListenersResponse.Listener> all = new ArrayList<>();
        String token = null;
        Set<String> seenTokens = new LinkedHashSet<>();
        do {
            DescribeLoadBalancerListenersRequest r = new DescribeLoadBalancerListenersRequest();
            r.setLoadBalancerIds(List.of(loadBalancerId));
            r.setMaxResults(100);
            if (token != null) {
                r.setNextToken(token);
            }
            DescribeLoadBalancerListenersResponse page = call(regionId, r, calls, errors);
            if (page == null) {
                return null;
            }
            list(page.getListeners()).stream().filter(l -> l.getLoadBalancerId() == null
                    || l.getLoadBalancerId().isEmpty() || l.getLoadBalancerId().equals(loadBalancerId)).forEach(all::add);
            token = page.getNextToken();
            if (token != null && !token.isEmpty() && !seenTokens.add(token)) {
                errors.add(new CollectionError("DescribeLoadBalancerListeners", SlbApiException.MALFORMED_CODE,
                        page.getRequestId(), "the API returned the same NextToken twice: " + token));
                return null;
            }
        } while (token != null && !token.isEmpty());
        return all;
    }

    private <T extends AcsResponse> T call(String regionId, AcsRequest<T> request, List<ApiCall> calls,
            List<CollectionError> errors) {
        try {
            SlbClient.Result<T> result = client.call(regionId, request);
            calls.add(result.call());
            return result.response();
        } catch (SlbApiException e) {
            calls.add(e.call());
            errors.add(e.toCollectionError());
            return null;
        }
    }

    private <T> CompletableFuture<T> async(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    private static <R, T> T map(R response, Function<R, T> f) {
        return response == null ? null : f.apply(response);
    }

    // ---- SDK responses → snapshot records -------------------------------------------------------

    static InstanceAttributes toInstance(DescribeLoadBalancerAttributeResponse r) {
        List<InstanceAttributes.ListenerPortAndProtocol> ports = list(r.getListenerPortsAndProtocol()).stream()
                .filter(p -> p.getListenerPort() != null)
                .map(p -> new InstanceAttributes.ListenerPortAndProtocol(p.getListenerPort(), lower(p.getListenerProtocol())))
                .toList();
        if (ports.isEmpty()) {
            // the API returns both lists (§5.3); the legacy misspelt one alone still names the ports
            ports = list(r.getListenerPortsAndProtocal()).stream()
                    .filter(p -> p.getListenerPort() != null)
                    .map(p -> new InstanceAttributes.ListenerPortAndProtocol(p.getListenerPort(),
                            lower(p.getListenerProtocal())))
                    .toList();
        }
        List<BackendServer> backends = list(r.getBackendServers()).stream()
                .map(b -> new BackendServer(b.getServerId(), b.getServerIp(), null, b.getWeight(), b.getType(),
                        b.getDescription()))
                .toList();
        return new InstanceAttributes(r.getLoadBalancerId(), r.getLoadBalancerName(), r.getLoadBalancerStatus(),
                r.getAddress(), r.getAddressType(), r.getNetworkType(), r.getRegionId(), r.getLoadBalancerSpec(), ports,
                backends);
    }

    static Listener toListener(DescribeLoadBalancerListenersResponse.Listener l) {
        return withoutUnsetPort(toListenerAsGiven(l));
    }

    /** HealthCheckConnectPort 0 (outside 1-65535) means "not set": the health check uses the backend port (§5.6). */
    private static Listener withoutUnsetPort(Listener l) {
        Integer hc = l.healthCheckConnectPort();
        if (hc == null || hc > 0) {
            return l;
        }
        return new Listener(l.port(), l.protocol(), l.status(), l.description(), l.backendServerPort(), l.vServerGroupId(),
                l.scheduler(), l.bandwidth(), l.healthCheck(), l.healthCheckType(), null, l.healthCheckDomain(),
                l.healthCheckUri(), l.healthCheckHttpCode(), l.healthCheckMethod(), l.healthCheckInterval(),
                l.healthCheckTimeout(), l.healthCheckConnectTimeout(), l.healthyThreshold(), l.unhealthyThreshold(),
                l.requestTimeout(), l.idleTimeout(), l.establishedTimeout());
    }

    private static Listener toListenerAsGiven(DescribeLoadBalancerListenersResponse.Listener l) {
        // the API writes protocols in lower case (tcp, udp, http, https); be safe for comparisons and labels
        String protocol = lower(l.getListenerProtocol());
        var http = l.getHTTPListenerConfig();
        var https = l.getHTTPSListenerConfig();
        var tcp = l.getTCPListenerConfig();
        var udp = l.getUDPListenerConfig();
        if ("https".equalsIgnoreCase(protocol) && https != null) {
            return new Listener(port(l), protocol, l.getStatus(), l.getDescription(), l.getBackendServerPort(),
                    l.getVServerGroupId(), l.getScheduler(), l.getBandwidth(), https.getHealthCheck(),
                    https.getHealthCheckType(), https.getHealthCheckConnectPort(), https.getHealthCheckDomain(),
                    https.getHealthCheckURI(), https.getHealthCheckHttpCode(), https.getHealthCheckMethod(),
                    https.getHealthCheckInterval(), https.getHealthCheckTimeout(), null, https.getHealthyThreshold(),
                    https.getUnhealthyThreshold(), https.getRequestTimeout(), https.getIdleTimeout(), null);
        }
        if ("tcp".equalsIgnoreCase(protocol) && tcp != null) {
            return new Listener(port(l), protocol, l.getStatus(), l.getDescription(), l.getBackendServerPort(),
                    l.getVServerGroupId(), l.getScheduler(), l.getBandwidth(),
                    firstNonBlank(tcp.getHealthCheck(), tcp.getHealthCheckSwitch()), tcp.getHealthCheckType(),
                    tcp.getHealthCheckConnectPort(), tcp.getHealthCheckDomain(), tcp.getHealthCheckURI(),
                    tcp.getHealthCheckHttpCode(), tcp.getHealthCheckMethod(), tcp.getHealthCheckInterval(), null,
                    tcp.getHealthCheckConnectTimeout(), tcp.getHealthyThreshold(), tcp.getUnhealthyThreshold(), null,
                    null, tcp.getEstablishedTimeout());
        }
        if ("udp".equalsIgnoreCase(protocol) && udp != null) {
            return new Listener(port(l), protocol, l.getStatus(), l.getDescription(), l.getBackendServerPort(),
                    l.getVServerGroupId(), l.getScheduler(), l.getBandwidth(),
                    firstNonBlank(udp.getHealthCheck(), udp.getHealthCheckSwitch()), udp.getHealthCheckType(),
                    udp.getHealthCheckConnectPort(), udp.getHealthCheckDomain(), udp.getHealthCheckURI(),
                    udp.getHealthCheckHttpCode(), udp.getHealthCheckMethod(), udp.getHealthCheckInterval(), null,
                    udp.getHealthCheckConnectTimeout(), udp.getHealthyThreshold(), udp.getUnhealthyThreshold(), null,
                    null, null);
        }
        if (http != null) {
            return new Listener(port(l), protocol, l.getStatus(), l.getDescription(), l.getBackendServerPort(),
                    l.getVServerGroupId(), l.getScheduler(), l.getBandwidth(), http.getHealthCheck(),
                    http.getHealthCheckType(), http.getHealthCheckConnectPort(), http.getHealthCheckDomain(),
                    http.getHealthCheckURI(), http.getHealthCheckHttpCode(), http.getHealthCheckMethod(),
                    http.getHealthCheckInterval(), http.getHealthCheckTimeout(), null, http.getHealthyThreshold(),
                    http.getUnhealthyThreshold(), http.getRequestTimeout(), http.getIdleTimeout(), null);
        }
        // no per-protocol configuration in the answer: keep what the listener itself says
        return new Listener(port(l), protocol, l.getStatus(), l.getDescription(), l.getBackendServerPort(),
                l.getVServerGroupId(), l.getScheduler(), l.getBandwidth(), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    static List<BackendHealth> toHealth(DescribeHealthStatusResponse r) {
        return list(r.getBackendServers()).stream()
                .map(b -> new BackendHealth(b.getServerId(), b.getServerIp(), b.getPort(),
                        b.getListenerPort() == null ? 0 : b.getListenerPort(), lower(b.getBizProtocol()),
                        b.getServerHealthStatus()))
                .toList();
    }

    static VServerGroup toGroup(DescribeVServerGroupsResponse.VServerGroup g, DescribeVServerGroupAttributeResponse attr) {
        List<BackendServer> members = list(attr.getBackendServers()).stream()
                .map(b -> new BackendServer(b.getServerId(), b.getServerIp(), b.getPort(), b.getWeight(), b.getType(),
                        b.getDescription()))
                .toList();
        var assoc = g.getAssociatedObjects();
        List<VServerGroup.AssociatedListener> listeners = assoc == null ? List.of()
                : list(assoc.getListeners()).stream().filter(l -> l.getPort() != null)
                        .map(l -> new VServerGroup.AssociatedListener(l.getPort(), lower(l.getBizProtocol()))).toList();
        List<String> ruleIds = assoc == null ? List.of()
                : list(assoc.getRules()).stream().map(DescribeVServerGroupsResponse.VServerGroup.AssociatedObjects.Rule::getRuleId)
                        .filter(Objects::nonNull).toList();
        String name = attr.getVServerGroupName() != null ? attr.getVServerGroupName() : g.getVServerGroupName();
        return new VServerGroup(g.getVServerGroupId(), name, members, listeners, ruleIds);
    }

    private static int port(DescribeLoadBalancerListenersResponse.Listener l) {
        return l.getListenerPort() == null ? 0 : l.getListenerPort();
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
