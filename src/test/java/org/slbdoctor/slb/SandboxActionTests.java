package org.slbdoctor.slb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.slb.model.v20140515.*;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** One test per action: every field the app reads arrives parsed through the real SDK. */
class SandboxActionTests {

    static final String HEALTHY = "lb-bp1hz0healthy7k2m9q4x1";
    @AutoClose
    static final SandboxFixture sandbox = new SandboxFixture();
    static final SlbClient client = sandbox.client();

    @Test
    void describeRegionsKeepsChineseNames() {
        DescribeRegionsResponse r = client.call("cn-hangzhou", new DescribeRegionsRequest()).response();
        assertThat(r.getRegions()).extracting(DescribeRegionsResponse.Region::getRegionId)
                .contains("cn-hangzhou", "cn-hongkong", "ap-southeast-1");
        assertThat(r.getRegions().get(0).getLocalName()).isEqualTo("华东1（杭州）");
        assertThat(r.getRegions().get(0).getRegionEndpoint()).isEqualTo("slb.aliyuncs.com");
    }

    @Test
    void describeLoadBalancersPagesAndFilters() {
        List<String> ids = new ArrayList<>();
        int total;
        int page = 1;
        do {
            DescribeLoadBalancersRequest req = new DescribeLoadBalancersRequest();
            req.setPageNumber(page++);
            req.setPageSize(5);
            DescribeLoadBalancersResponse r = client.call("cn-hangzhou", req).response();
            total = r.getTotalCount();
            assertThat(r.getPageSize()).isEqualTo(5);
            r.getLoadBalancers().forEach(lb -> ids.add(lb.getLoadBalancerId()));
        } while (ids.size() < total && page < 10);
        assertThat(ids).hasSize(total).contains(HEALTHY, "lb-bp1hzdlarge50x20g6i8k1").doesNotContain("lb-j6c0hk0healthy1m3o5q7s");

        DescribeLoadBalancersRequest one = new DescribeLoadBalancersRequest();
        one.setLoadBalancerId(HEALTHY);
        DescribeLoadBalancersResponse.LoadBalancer lb = client.call("cn-hangzhou", one).response().getLoadBalancers().get(0);
        assertThat(lb.getLoadBalancerName()).isEqualTo("生产环境-华东");
        assertThat(lb.getAddress()).isEqualTo("47.98.12.34");
        assertThat(lb.getLoadBalancerStatus()).isEqualTo("active");
        assertThat(lb.getAddressType()).isEqualTo("internet");
        assertThat(lb.getNetworkType()).isEqualTo("vpc");
        assertThat(lb.getCreateTimeStamp()).isEqualTo(1709864127000L);
        assertThat(lb.getTags()).isNotEmpty();

        DescribeLoadBalancersRequest sg = new DescribeLoadBalancersRequest();
        assertThat(client.call("ap-southeast-1", sg).response().getLoadBalancers()).extracting(
                DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerId).containsExactly("lb-t4n0sg0someabn2r4t6v8x");
    }

    @Test
    void describeLoadBalancerAttributeParsesEveryFieldTheAppReads() {
        DescribeLoadBalancerAttributeRequest req = new DescribeLoadBalancerAttributeRequest();
        req.setLoadBalancerId("lb-bp1hz6locked4r6s8t1u3v");
        DescribeLoadBalancerAttributeResponse r = client.call("cn-hangzhou", req).response();
        InstanceAttributes a = SlbCollector.toInstance(r);
        assertThat(a.loadBalancerId()).isEqualTo("lb-bp1hz6locked4r6s8t1u3v");
        assertThat(a.locked()).isTrue();
        assertThat(a.address()).isEqualTo("47.98.20.6");
        assertThat(a.addressType()).isEqualTo("internet");
        assertThat(a.networkType()).isEqualTo("vpc");
        assertThat(a.regionId()).isEqualTo("cn-hangzhou");
        assertThat(a.loadBalancerSpec()).isEqualTo("slb.s2.small");
        assertThat(a.listenerPorts()).containsExactly(new InstanceAttributes.ListenerPortAndProtocol(80, "http"));
        assertThat(a.defaultServerGroup()).containsExactly(
                new BackendServer("i-bp1l0cked0000000000001a", "192.168.6.11", null, 100, "ecs", null));
        // Description is omitted when unset (§5.3)
        assertThat(r.getBackendServers().get(0).getDescription()).isNull();
        assertThat(r.getListenerPorts()).containsExactly(80);
        assertThat(r.getBandwidth()).isEqualTo(5120);
        assertThat(r.getEndTimeStamp()).isEqualTo(32493801600000L);
    }

    @Test
    void describeLoadBalancerListenersUsesBareArraysAndPagesWithNextToken() {
        List<DescribeLoadBalancerListenersResponse.Listener> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            DescribeLoadBalancerListenersRequest req = new DescribeLoadBalancerListenersRequest();
            req.setLoadBalancerIds(List.of("lb-bp1hzdlarge50x20g6i8k1"));
            req.setMaxResults(20);
            req.setNextToken(token);
            DescribeLoadBalancerListenersResponse r = client.call("cn-hangzhou", req).response();
            assertThat(r.getTotalCount()).isEqualTo(50);
            assertThat(r.getMaxResults()).isEqualTo(20);
            all.addAll(r.getListeners());
            token = r.getNextToken();
            pages++;
        } while (token != null && !token.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(50);

        Listener http = SlbCollector.toListener(listenersOf("lb-bp1hz9shorttmo2b4d6f8h").get(0));
        assertThat(http).isEqualTo(new Listener(80, "http", "running", "http_80", 80, "", "wrr", -1, "on", "http", 80, "",
                "/health", "http_2xx,http_3xx", "head", 2, 5, null, 3, 3, 5, 15, null));

        Listener https = SlbCollector.toListener(listenersOf("lb-bp1hz5stopped6m1n3p5q7").get(1));
        assertThat(https.protocol()).isEqualTo("https");
        assertThat(https.stopped()).isTrue();
        assertThat(https.requestTimeout()).isEqualTo(60);

        List<DescribeLoadBalancerListenersResponse.Listener> tcp = listenersOf("lb-bp1hz8tcponly1a3c5e7g9");
        Listener mysql = SlbCollector.toListener(tcp.get(1));
        assertThat(mysql.tcp()).isTrue();
        assertThat(mysql.establishedTimeout()).isEqualTo(300);
        assertThat(mysql.healthCheckConnectTimeout()).isEqualTo(5);
        assertThat(mysql.healthCheck()).isEqualTo("on");
        assertThat(tcp.get(1).getTCPListenerConfig().getPortRanges()).isEmpty();

        Listener off = SlbCollector.toListener(listenersOf("lb-bp1hz3hcoff9d4f6g8h2j").get(0));
        assertThat(off.healthCheckOn()).isFalse();
        // HealthCheckMethod is returned only when the health check is on (§5.4, §5.8)
        assertThat(off.healthCheckMethod()).isNull();
        assertThat(off.requestTimeout()).isEqualTo(60);
        Listener inGroup = SlbCollector.toListener(listenersOf("lb-bp1hzavsgrules3j5l7n9p").get(0));
        assertThat(inGroup.vServerGroupId()).isEqualTo("rsp-bp1web0000000a1");
    }

    private static List<DescribeLoadBalancerListenersResponse.Listener> listenersOf(String id) {
        DescribeLoadBalancerListenersRequest req = new DescribeLoadBalancerListenersRequest();
        req.setLoadBalancerIds(List.of(id));
        return client.call("cn-hangzhou", req).response().getListeners();
    }

    @Test
    void describeHealthStatusCoversEveryListenerInOneCall() {
        DescribeHealthStatusRequest req = new DescribeHealthStatusRequest();
        req.setLoadBalancerId("lb-bp1hz2someabn3c7v1b5n8");
        List<BackendHealth> h = SlbCollector.toHealth(client.call("cn-hangzhou", req).response());
        assertThat(h).containsExactly(
                new BackendHealth("i-bp1s0m3abn0rm4l000001a", "192.168.2.11", 80, 80, "http", "normal"),
                new BackendHealth("i-bp1s0m3abn0rm4l000001b", "192.168.2.12", 80, 80, "http", "abnormal"),
                new BackendHealth("i-bp1s0m3abn0rm4l000001c", "192.168.2.13", 80, 80, "http", "normal"));

        req.setLoadBalancerId("lb-bp1hz3hcoff9d4f6g8h2j");
        assertThat(SlbCollector.toHealth(client.call("cn-hangzhou", req).response())).allMatch(BackendHealth::unavailable);
    }

    @Test
    void describeVServerGroupsAndAttributeAndRules() {
        DescribeVServerGroupsRequest req = new DescribeVServerGroupsRequest();
        req.setLoadBalancerId("lb-bp1hzavsgrules3j5l7n9p");
        req.setIncludeListener(true);
        req.setIncludeRule(true);
        DescribeVServerGroupsResponse groups = client.call("cn-hangzhou", req).response();
        assertThat(groups.getVServerGroups()).hasSize(4);
        var web = groups.getVServerGroups().get(0);
        assertThat(web.getServerCount()).isEqualTo(2L);
        assertThat(web.getAssociatedObjects().getListeners()).extracting(l -> l.getPort() + "/" + l.getBizProtocol())
                .containsExactly("80/http", "443/https");
        var api = groups.getVServerGroups().get(1);
        assertThat(api.getAssociatedObjects().getRules()).extracting(
                DescribeVServerGroupsResponse.VServerGroup.AssociatedObjects.Rule::getUrl).containsExactly("/api");

        DescribeVServerGroupAttributeRequest attr = new DescribeVServerGroupAttributeRequest();
        attr.setVServerGroupId("rsp-bp1api0000000b2");
        VServerGroup g = SlbCollector.toGroup(api, client.call("cn-hangzhou", attr).response());
        assertThat(g.name()).isEqualTo("api");
        assertThat(g.backendServers()).containsExactly(
                new BackendServer("i-bp1vsg0api00000000001a", "192.168.10.21", 8080, 100, "ecs", ""));
        assertThat(g.ruleIds()).containsExactly("rule-bp1qjwo61pqz3a");

        DescribeRulesRequest rules = new DescribeRulesRequest();
        rules.setLoadBalancerId("lb-bp1hzavsgrules3j5l7n9p");
        rules.setListenerPort(80);
        DescribeRulesResponse r = client.call("cn-hangzhou", rules).response();
        assertThat(r.getRules()).extracting(DescribeRulesResponse.Rule::getVServerGroupId)
                .containsExactly("rsp-bp1api0000000b2", "rsp-bp1static00000c3");
        assertThat(r.getRules().get(0).getDomain()).isEqualTo("www.example.com");
        assertThat(r.getRules().get(0).getHealthCheckInterval()).isEqualTo(2);
    }

    @Test
    void listenerAttributeActions() {
        DescribeLoadBalancerHTTPListenerAttributeRequest http = new DescribeLoadBalancerHTTPListenerAttributeRequest();
        http.setLoadBalancerId("lb-bp1hz9shorttmo2b4d6f8h");
        http.setListenerPort(80);
        DescribeLoadBalancerHTTPListenerAttributeResponse h = client.call("cn-hangzhou", http).response();
        assertThat(h.getRequestTimeout()).isEqualTo(5);
        assertThat(h.getHealthCheck()).isEqualTo("on");
        assertThat(h.getBackendServerPort()).isEqualTo(80);

        DescribeLoadBalancerHTTPSListenerAttributeRequest https = new DescribeLoadBalancerHTTPSListenerAttributeRequest();
        https.setLoadBalancerId(HEALTHY);
        https.setListenerPort(443);
        assertThat(client.call("cn-hangzhou", https).response().getStatus()).isEqualTo("running");

        DescribeLoadBalancerTCPListenerAttributeRequest tcp = new DescribeLoadBalancerTCPListenerAttributeRequest();
        tcp.setLoadBalancerId("lb-bp1hz8tcponly1a3c5e7g9");
        tcp.setListenerPort(3306);
        assertThat(client.call("cn-hangzhou", tcp).response().getEstablishedTimeout()).isEqualTo(300);
        assertThat(client.call("cn-hangzhou", tcp).response().getBackendServerPort()).isEqualTo(3306);

        // BackendServerPort is not returned for a listener on a VServer group (§5.6); HTTP keeps it (§5.4 example)
        DescribeLoadBalancerHTTPListenerAttributeRequest inGroup = new DescribeLoadBalancerHTTPListenerAttributeRequest();
        inGroup.setLoadBalancerId("lb-bp1hzavsgrules3j5l7n9p");
        inGroup.setListenerPort(80);
        DescribeLoadBalancerHTTPListenerAttributeResponse g = client.call("cn-hangzhou", inGroup).response();
        assertThat(g.getVServerGroupId()).isEqualTo("rsp-bp1web0000000a1");
        assertThat(g.getBackendServerPort()).isEqualTo(80);

        DescribeLoadBalancerUDPListenerAttributeRequest udp = new DescribeLoadBalancerUDPListenerAttributeRequest();
        udp.setLoadBalancerId("lb-bp1hz8tcponly1a3c5e7g9");
        udp.setListenerPort(53);
        SlbApiException e = catchThrowableOfType(SlbApiException.class, () -> client.call("cn-hangzhou", udp));
        assertThat(e.code()).isEqualTo("InvalidParameter");
    }

    @Test
    void answersAreRawUtf8JsonAndErrorsAreFlat() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.server.endpoint()
                + "/?Action=DescribeRegions&Version=2014-05-15&AccessKeyId=nobody")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"Code\":\"InvalidAccessKeyId.NotFound\"", "\"HostId\":\"slb.aliyuncs.com\"",
                "\"Recommend\":", "\"RequestId\":", "\"Message\":");
        assertThat(body).doesNotContain("\\u");

        DescribeLoadBalancerAttributeRequest req = new DescribeLoadBalancerAttributeRequest();
        req.setLoadBalancerId(HEALTHY);
        String raw = client.call("cn-hangzhou", req).call().rawJson();
        assertThat(raw).contains("\"LoadBalancerName\":\"生产环境-华东\"").doesNotContain("\\u")
                .contains("\"Bandwidth\":5120").doesNotContain("5120.0");
    }
}
