package org.slbdoctor.slb.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slbdoctor.slb.sandbox.SandboxInstance.Backend;
import org.slbdoctor.slb.sandbox.SandboxInstance.Group;
import org.slbdoctor.slb.sandbox.SandboxInstance.Listener;
import org.slbdoctor.slb.sandbox.SandboxInstance.Rule;

/**
 * The SLB actions the sandbox implements, each turning request parameters into the response object
 * exactly as the real API shapes it (reference §5): wrapper objects {@code {"Outer":{"Inner":[…]}}}
 * everywhere except DescribeLoadBalancerListeners (bare arrays), integers as integers, booleans as
 * booleans. {@code RequestId} is added by the server.
 */
class SandboxApi {

    record Region(String id, String zhName, String enName) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("cn-hangzhou", "华东1（杭州）", "China (Hangzhou)"),
            new Region("cn-shanghai", "华东2（上海）", "China (Shanghai)"),
            new Region("cn-beijing", "华北2（北京）", "China (Beijing)"),
            new Region("cn-shenzhen", "华南1（深圳）", "China (Shenzhen)"),
            new Region("cn-hongkong", "中国香港", "China (Hong Kong)"),
            new Region("ap-southeast-1", "新加坡", "Singapore"),
            new Region("us-west-1", "美国（硅谷）", "US (Silicon Valley)"),
            new Region("eu-central-1", "德国（法兰克福）", "Germany (Frankfurt)"));

    private final SandboxScenarios scenarios;
    private final Map<String, Function<Map<String, String>, Map<String, Object>>> actions = new LinkedHashMap<>();

    SandboxApi(SandboxScenarios scenarios) {
        this.scenarios = scenarios;
        actions.put("DescribeRegions", this::describeRegions);
        actions.put("DescribeLoadBalancers", this::describeLoadBalancers);
        actions.put("DescribeLoadBalancerAttribute", this::describeLoadBalancerAttribute);
        actions.put("DescribeLoadBalancerListeners", this::describeLoadBalancerListeners);
        actions.put("DescribeHealthStatus", this::describeHealthStatus);
        actions.put("DescribeVServerGroups", this::describeVServerGroups);
        actions.put("DescribeVServerGroupAttribute", this::describeVServerGroupAttribute);
        actions.put("DescribeRules", this::describeRules);
        for (String protocol : List.of("HTTP", "HTTPS", "TCP", "UDP")) {
            actions.put("DescribeLoadBalancer" + protocol + "ListenerAttribute",
                    p -> describeListenerAttribute(p, protocol.toLowerCase()));
        }
    }

    boolean supports(String action) {
        return actions.containsKey(action);
    }

    Map<String, Object> handle(String action, Map<String, String> params) {
        return actions.get(action).apply(params);
    }

    // ---- actions ------------------------------------------------------------------------------

    private Map<String, Object> describeRegions(Map<String, String> p) {
        boolean english = p.getOrDefault("AcceptLanguage", "zh-CN").startsWith("en");
        List<Object> regions = new ArrayList<>();
        for (Region r : REGIONS) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("RegionId", r.id());
            m.put("LocalName", english ? r.enName() : r.zhName());
            m.put("RegionEndpoint", r.id().startsWith("cn-") && !r.id().equals("cn-hongkong")
                    ? "slb.aliyuncs.com" : "slb." + r.id() + ".aliyuncs.com");
            regions.add(m);
        }
        return obj("Regions", wrap("Region", regions));
    }

    private Map<String, Object> describeLoadBalancers(Map<String, String> p) {
        String region = required(p, "RegionId");
        int pageNumber = intParam(p, "PageNumber", 1, 1, 1000, "InvalidParameter");
        int pageSize = intParam(p, "PageSize", 10, 1, 100, "InvalidParameter");
        Set<String> ids = csv(p.get("LoadBalancerId"));
        Set<String> names = csv(p.get("LoadBalancerName"));
        String status = p.get("LoadBalancerStatus");
        List<SandboxInstance> matching = scenarios.inRegion(region).stream()
                .filter(i -> ids.isEmpty() || ids.contains(i.id()))
                .filter(i -> names.isEmpty() || names.contains(i.name()))
                .filter(i -> status == null || status.isBlank() || status.equals(i.status()))
                .toList();
        int from = Math.min(matching.size(), (pageNumber - 1) * pageSize);
        int to = Math.min(matching.size(), from + pageSize);
        List<Object> page = new ArrayList<>();
        for (SandboxInstance i : matching.subList(from, to)) {
            Map<String, Object> m = instanceFields(i);
            m.put("InternetChargeType", "4"); // the numeric code here, the name in the alias (§5.2)
            m.put("InternetChargeTypeAlias", "paybytraffic");
            page.add(m);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("PageNumber", pageNumber);
        r.put("PageSize", pageSize);
        r.put("TotalCount", matching.size());
        r.put("LoadBalancers", wrap("LoadBalancer", page));
        return r;
    }

    private Map<String, Object> describeLoadBalancerAttribute(Map<String, String> p) {
        SandboxInstance i = instance(p);
        Map<String, Object> m = instanceFields(i);
        m.put("InternetChargeType", "paybytraffic"); // the name here, not the code of DescribeLoadBalancers (§5.3)
        m.put("EndTime", "2999-09-08T16:00:00Z");
        m.put("EndTimeStamp", 32493801600000L);
        m.put("AutoReleaseTime", 0L);
        m.put("RenewalStatus", "AutoRenewal");
        m.put("RenewalDuration", 1);
        m.put("RenewalCycUnit", "Month");
        m.put("HasReservedInfo", "false");
        m.put("SupportPrivateLink", false);
        m.put("CloudInstanceUid", 0L);
        m.put("ListenerPorts", wrap("ListenerPort", i.listeners().stream().map(l -> (Object) l.port()).toList()));
        List<Object> legacy = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Listener l : i.listeners()) {
            legacy.add(obj("ListenerPort", l.port(), "ListenerProtocal", l.protocol()));
            Map<String, Object> pp = new LinkedHashMap<>();
            pp.put("ListenerPort", l.port());
            pp.put("ListenerProtocol", l.protocol());
            pp.put("ListenerForward", "off");
            pp.put("ForwardPort", 0);
            pp.put("Description", l.description());
            current.add(pp);
        }
        m.put("ListenerPortsAndProtocal", wrap("ListenerPortAndProtocal", legacy));
        m.put("ListenerPortsAndProtocol", wrap("ListenerPortAndProtocol", current));
        List<Object> backends = new ArrayList<>();
        for (Backend b : i.backends()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("ServerId", b.id());
            bm.put("ServerIp", b.ip());
            bm.put("Weight", b.weight());
            bm.put("Type", b.type());
            if (!b.description().isEmpty()) {
                bm.put("Description", b.description()); // omitted when unset (§5.3)
            }
            bm.put("VpcId", vpcId(i));
            backends.add(bm);
        }
        m.put("BackendServers", wrap("BackendServer", backends));
        return m;
    }

    private Map<String, Object> describeLoadBalancerListeners(Map<String, String> p) {
        String region = required(p, "RegionId");
        List<String> ids = new ArrayList<>();
        for (int n = 1; p.containsKey("LoadBalancerId." + n); n++) {
            ids.add(p.get("LoadBalancerId." + n));
        }
        if (ids.size() > 10) {
            throw new SandboxError(400, "IllegalParamSize.LoadBalancerId", "The param size of LoadBalancerId is illegal.");
        }
        int maxResults = intParam(p, "MaxResults", 20, 1, 100, "IllegalParam.MaxResults");
        int offset = 0;
        String token = p.get("NextToken");
        if (token != null && !token.isBlank()) {
            try {
                offset = Integer.parseInt(token.replace("nt-", ""));
            } catch (NumberFormatException e) {
                throw new SandboxError(400, "IllegalParam.NextToken", "The param of NextToken is illegal.");
            }
        }
        String protocol = p.get("ListenerProtocol");
        if (protocol != null && !protocol.isBlank() && !List.of("tcp", "udp", "http", "https").contains(protocol)) {
            throw new SandboxError(400, "IllegalParam.ListenerProtocol", "The param of ListenerProtocol is illegal.");
        }
        List<Map<String, Object>> all = new ArrayList<>();
        List<SandboxInstance> instances = ids.isEmpty() ? scenarios.inRegion(region)
                : ids.stream().map(scenarios::find).flatMap(java.util.Optional::stream)
                        .filter(i -> i.region().equals(region)).toList();
        for (SandboxInstance i : instances) {
            for (Listener l : i.listeners()) {
                if (protocol == null || protocol.isBlank() || protocol.equals(l.protocol())) {
                    all.add(listener(i, l));
                }
            }
        }
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + maxResults);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("NextToken", to < all.size() ? "nt-" + to : "");
        r.put("MaxResults", maxResults);
        r.put("TotalCount", all.size());
        r.put("Listeners", new ArrayList<>(all.subList(from, to)));
        return r;
    }

    private Map<String, Object> describeHealthStatus(Map<String, String> p) {
        SandboxInstance i = instance(p);
        String portParam = p.get("ListenerPort");
        String protocol = p.get("ListenerProtocol");
        List<Object> rows = new ArrayList<>();
        for (Listener l : i.listeners()) {
            if (portParam != null && !portParam.isBlank() && !portParam.equals(String.valueOf(l.port()))) {
                continue;
            }
            if (protocol != null && !protocol.isBlank() && !protocol.equals(l.protocol())) {
                continue;
            }
            for (Backend b : backendsOf(i, l)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ServerId", b.id());
                m.put("ServerIp", b.ip());
                m.put("Port", b.port() == null ? l.backendPort() : b.port());
                m.put("ListenerPort", l.port());
                m.put("Protocol", l.protocol());
                m.put("ServerHealthStatus", "running".equals(l.status()) ? l.healthOf(b.id()) : "unavailable");
                m.put("Type", b.type());
                m.put("EniHost", "");
                rows.add(m);
            }
        }
        return obj("BackendServers", wrap("BackendServer", rows));
    }

    private Map<String, Object> describeVServerGroups(Map<String, String> p) {
        SandboxInstance i = instance(p);
        boolean includeRule = Boolean.parseBoolean(p.get("IncludeRule"));
        boolean includeListener = Boolean.parseBoolean(p.get("IncludeListener"));
        List<Object> groups = new ArrayList<>();
        for (Group g : i.vServerGroups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("VServerGroupId", g.id());
            m.put("VServerGroupName", g.name());
            m.put("ServerCount", (long) g.backends().size());
            m.put("CreateTime", "2024-03-08T02:20:11Z");
            m.put("ServiceManagedMode", "Unmanaged");
            Map<String, Object> associated = new LinkedHashMap<>();
            if (includeListener) {
                List<Object> ls = i.listeners().stream().filter(l -> l.vServerGroupId().equals(g.id()))
                        .map(l -> (Object) obj("Port", l.port(), "Protocol", l.protocol())).toList();
                associated.put("Listeners", wrap("Listener", ls));
            }
            if (includeRule) {
                List<Object> rs = i.rules().stream().filter(r -> r.vServerGroupId().equals(g.id()))
                        .map(r -> (Object) obj("RuleId", r.id(), "RuleName", r.name(), "Domain", r.domain(), "Url", r.url()))
                        .toList();
                associated.put("Rules", wrap("Rule", rs));
            }
            m.put("AssociatedObjects", associated);
            groups.add(m);
        }
        return obj("VServerGroups", wrap("VServerGroup", groups));
    }

    private Map<String, Object> describeVServerGroupAttribute(Map<String, String> p) {
        String region = required(p, "RegionId");
        String groupId = required(p, "VServerGroupId");
        for (SandboxInstance i : scenarios.inRegion(region)) {
            for (Group g : i.vServerGroups()) {
                if (g.id().equals(groupId)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("VServerGroupId", g.id());
                    m.put("VServerGroupName", g.name());
                    m.put("LoadBalancerId", i.id());
                    m.put("ServiceManagedMode", "Unmanaged");
                    List<Object> backends = new ArrayList<>();
                    for (Backend b : g.backends()) {
                        Map<String, Object> bm = new LinkedHashMap<>();
                        bm.put("ServerId", b.id());
                        bm.put("ServerIp", b.ip());
                        bm.put("Port", b.port());
                        bm.put("Weight", b.weight());
                        bm.put("Type", b.type());
                        bm.put("Description", b.description());
                        bm.put("VpcId", vpcId(i));
                        bm.put("ServerRegionId", "");
                        bm.put("VbrId", "");
                        bm.put("ProxyProtocolV2Enabled", false);
                        backends.add(bm);
                    }
                    m.put("BackendServers", wrap("BackendServer", backends));
                    return m;
                }
            }
        }
        throw new SandboxError(400, "InvalidParameter", "The specified VServerGroupId does not exist.");
    }

    private Map<String, Object> describeRules(Map<String, String> p) {
        SandboxInstance i = instance(p);
        int port = intParam(p, "ListenerPort", -1, 1, 65535, "InvalidParameter");
        if (port < 0) {
            throw SandboxError.missing("ListenerPort");
        }
        Listener l = i.listener(port, p.get("ListenerProtocol")).orElseThrow(SandboxError::listenerNotFound);
        List<Object> rules = new ArrayList<>();
        for (Rule r : i.rules()) {
            if (r.listenerPort() != l.port() || !r.listenerProtocol().equals(l.protocol())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("RuleId", r.id());
            m.put("RuleName", r.name());
            m.put("Domain", r.domain());
            m.put("Url", r.url());
            m.put("VServerGroupId", r.vServerGroupId());
            m.put("ListenerSync", "on");
            m.put("Scheduler", "wrr");
            m.put("StickySession", "off");
            m.put("StickySessionType", "");
            m.put("CookieTimeout", 0);
            m.put("Cookie", "");
            m.put("HealthCheck", l.healthCheck());
            m.put("HealthCheckDomain", "");
            m.put("HealthCheckURI", l.healthCheckUri());
            m.put("HealthCheckConnectPort", 0);
            m.put("HealthCheckHttpCode", "http_2xx");
            m.put("HealthCheckTimeout", 5);
            m.put("HealthCheckInterval", 2);
            m.put("HealthyThreshold", 3);
            m.put("UnhealthyThreshold", 3);
            m.put("ServiceManagedMode", "Unmanaged");
            rules.add(m);
        }
        return obj("Rules", wrap("Rule", rules));
    }

    private Map<String, Object> describeListenerAttribute(Map<String, String> p, String protocol) {
        SandboxInstance i = instance(p);
        int port = intParam(p, "ListenerPort", -1, 1, 65535, "InvalidParameter");
        if (port < 0) {
            throw SandboxError.missing("ListenerPort");
        }
        Listener l = i.listener(port, protocol).orElseThrow(SandboxError::listenerNotFound);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LoadBalancerId", i.id());
        m.putAll(listenerCommon(l));
        if (!l.layer7() && !l.vServerGroupId().isBlank()) {
            m.remove("BackendServerPort"); // "not returned" for a Layer-4 listener on a VServer group (§5.6, §5.7)
        }
        m.put("AclIds", wrap("AclId", List.of()));
        m.putAll(listenerConfig(l));
        if (l.layer7()) {
            m.put("Rules", wrap("Rule", i.rules().stream().filter(r -> r.listenerPort() == l.port())
                    .map(r -> (Object) obj("RuleId", r.id(), "RuleName", r.name(), "Domain", r.domain(), "Url", r.url(),
                            "VServerGroupId", r.vServerGroupId()))
                    .toList()));
        }
        return m;
    }

    // ---- shapes -------------------------------------------------------------------------------

    /**
     * The instance fields DescribeLoadBalancers and DescribeLoadBalancerAttribute both return, with
     * the same values and types (§5.2, §5.3); each action adds its own, InternetChargeType included.
     */
    private static Map<String, Object> instanceFields(SandboxInstance i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LoadBalancerId", i.id());
        m.put("LoadBalancerName", i.name());
        m.put("LoadBalancerStatus", i.status());
        m.put("BusinessStatus", "locked".equals(i.status()) ? "FinancialLocked" : "Normal");
        m.put("Address", i.address());
        m.put("AddressType", i.addressType());
        m.put("AddressIPVersion", "ipv4");
        m.put("NetworkType", i.networkType());
        m.put("VpcId", vpcId(i));
        m.put("VSwitchId", "vsw-" + zone(i) + "e4n0y1r1e3v5c2g7a1");
        m.put("RegionId", i.region());
        m.put("RegionIdAlias", i.region());
        m.put("MasterZoneId", i.region() + "-b");
        m.put("SlaveZoneId", i.region() + "-d");
        m.put("CreateTime", "2024-03-08T02:15:27Z");
        m.put("CreateTimeStamp", 1709864127000L);
        m.put("PayType", "PayOnDemand");
        m.put("InstanceChargeType", "PayBySpec");
        m.put("LoadBalancerSpec", i.spec());
        m.put("SpecType", "share");
        m.put("SpecBpsFlag", false);
        m.put("Bandwidth", 5120);
        m.put("ResourceGroupId", "rg-acfmxazb4ph6aiy");
        m.put("DeleteProtection", "off");
        m.put("ModificationProtectionStatus", "NonProtection");
        m.put("ModificationProtectionReason", "");
        m.put("ServiceManagedMode", "Unmanaged");
        m.put("Tags", wrap("Tag", List.of(Map.of("TagKey", "scenario", "TagValue", String.valueOf(i.scenario())))));
        return m;
    }

    private Map<String, Object> listener(SandboxInstance i, Listener l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LoadBalancerId", i.id());
        m.putAll(listenerCommon(l));
        m.put("AclIds", List.of());
        String configKey = switch (l.protocol()) {
            case "https" -> "HTTPSListenerConfig";
            case "tcp" -> "TCPListenerConfig";
            case "udp" -> "UDPListenerConfig";
            default -> "HTTPListenerConfig";
        };
        Map<String, Object> config = listenerConfig(l);
        if (config.containsKey("PortRanges")) {
            config.put("PortRanges", List.of());
        }
        m.put(configKey, config);
        return m;
    }

    private static Map<String, Object> listenerCommon(Listener l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ListenerPort", l.port());
        m.put("ListenerProtocol", l.protocol());
        m.put("BackendServerPort", l.backendPort());
        m.put("Bandwidth", -1);
        m.put("Status", l.status());
        m.put("Scheduler", "wrr");
        m.put("Description", l.description());
        m.put("VServerGroupId", l.vServerGroupId());
        m.put("AclStatus", "off");
        m.put("AclType", "");
        m.put("AclId", "");
        m.put("ServiceManagedMode", "Unmanaged");
        return m;
    }

    private static Map<String, Object> listenerConfig(Listener l) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (l.layer7()) {
            c.put("StickySession", "off");
            c.put("StickySessionType", "");
            c.put("CookieTimeout", 0);
            c.put("Cookie", "");
            c.put("XForwardedFor", "on");
            c.put("XForwardedFor_SLBIP", "off");
            c.put("XForwardedFor_SLBID", "off");
            c.put("XForwardedFor_proto", "off");
            c.put("XForwardedFor_SLBPORT", "off");
            c.put("XForwardedFor_ClientSrcPort", "off");
            c.put("Gzip", "on");
            c.put("IdleTimeout", l.idleTimeout());
            c.put("RequestTimeout", l.requestTimeout());
            c.put("ListenerForward", "off");
            c.put("ForwardPort", 0);
            c.put("ForwardCode", 0);
            c.put("HealthCheck", l.healthCheck());
            c.put("HealthCheckType", "http");
            if ("on".equals(l.healthCheck())) {
                c.put("HealthCheckMethod", "head"); // "returned only if the HealthCheck parameter is set to on" (§5.4)
            }
            c.put("HealthCheckDomain", "");
            c.put("HealthCheckURI", l.healthCheckUri());
            c.put("HealthCheckConnectPort", l.healthCheckConnectPort() == null ? l.backendPort() : l.healthCheckConnectPort());
            c.put("HealthCheckHttpCode", "http_2xx,http_3xx");
            c.put("HealthCheckHttpVersion", "HTTP 1.0");
            c.put("HealthyThreshold", 3);
            c.put("UnhealthyThreshold", 3);
            c.put("HealthCheckTimeout", 5);
            c.put("HealthCheckInterval", 2);
            if ("https".equals(l.protocol())) {
                c.put("ServerCertificateId", "1231579085529123_166f8204689_1714763408_709376414");
                c.put("CACertificateId", "");
                c.put("EnableHttp2", "on");
                c.put("TLSCipherPolicy", "tls_cipher_policy_1_2");
            }
        } else {
            if ("tcp".equals(l.protocol())) {
                c.put("EstablishedTimeout", l.establishedTimeout());
                c.put("PersistenceTimeout", 0);
            }
            c.put("ConnectionDrain", "off");
            c.put("ConnectionDrainTimeout", 0);
            c.put("HealthCheck", l.healthCheck());
            c.put("HealthCheckSwitch", l.healthCheck());
            c.put("HealthCheckType", "tcp".equals(l.protocol()) ? "tcp" : "udp");
            c.put("HealthCheckConnectPort", l.healthCheckConnectPort() == null ? 0 : l.healthCheckConnectPort());
            c.put("HealthCheckConnectTimeout", 5);
            c.put("HealthCheckInterval", 2);
            c.put("HealthyThreshold", 3);
            c.put("UnhealthyThreshold", 3);
            c.put("HealthCheckDomain", "");
            c.put("HealthCheckURI", "");
            c.put("HealthCheckHttpCode", "");
            c.put("HealthCheckMethod", "");
            c.put("MasterSlaveServerGroupId", "");
            c.put("FullNatEnabled", "false");
            c.put("PortRanges", wrap("PortRange", List.of()));
        }
        return c;
    }

    /** The listener's backends: its VServer group or the default group, plus its rules' groups. */
    static List<Backend> backendsOf(SandboxInstance i, Listener l) {
        Map<String, Backend> out = new LinkedHashMap<>();
        if (!l.vServerGroupId().isBlank()) {
            i.group(l.vServerGroupId()).ifPresent(g -> g.backends().forEach(b -> out.putIfAbsent(b.id() + ":" + b.port(), b)));
        } else {
            i.backends().forEach(b -> out.putIfAbsent(b.id() + ":" + l.backendPort(), b));
        }
        for (Rule r : i.rules()) {
            if (r.listenerPort() == l.port() && r.listenerProtocol().equals(l.protocol())) {
                i.group(r.vServerGroupId()).ifPresent(g -> g.backends().forEach(b -> out.putIfAbsent(b.id() + ":" + b.port(), b)));
            }
        }
        return List.copyOf(out.values());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The instance named by LoadBalancerId; an instance of another region does not exist here either. */
    private SandboxInstance instance(Map<String, String> p) {
        String id = required(p, "LoadBalancerId");
        String region = p.get("RegionId");
        return scenarios.find(id).filter(i -> region == null || i.region().equals(region))
                .orElseThrow(SandboxError::loadBalancerNotFound);
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            throw SandboxError.missing(name);
        }
        return v;
    }

    private static int intParam(Map<String, String> p, String name, int dflt, int min, int max, String code) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SandboxError(400, code, "The param of " + name + " is illegal.");
        }
    }

    private static Set<String> csv(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static String vpcId(SandboxInstance i) {
        return "classic".equals(i.networkType()) ? "" : "vpc-" + zone(i) + "b49rqrybk45nio2a1k";
    }

    private static String zone(SandboxInstance i) {
        return switch (i.region()) {
            case "cn-hongkong" -> "j6c";
            case "ap-southeast-1" -> "t4n";
            default -> "bp1";
        };
    }

    private static Map<String, Object> wrap(String inner, List<?> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(inner, items);
        return m;
    }

    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }
}
