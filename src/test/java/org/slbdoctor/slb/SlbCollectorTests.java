package org.slbdoctor.slb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.slb.sandbox.SandboxFault;

/** Collection through the real SDK over HTTP against the sandbox. */
class SlbCollectorTests {

    @AutoClose
    static final SandboxFixture sandbox = new SandboxFixture();
    @AutoClose
    static final SlbCollector collector = sandbox.collector();

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void healthyInstanceIsCompleteAndKeepsItsChineseName() {
        SlbSnapshot s = collector.collect("cn-hangzhou", "lb-bp1hz0healthy7k2m9q4x1");

        assertThat(s.complete()).isTrue();
        assertThat(s.instance().name()).isEqualTo("生产环境-华东");
        assertThat(s.instance().status()).isEqualTo("active");
        assertThat(s.instance().address()).isEqualTo("47.98.12.34");
        assertThat(s.instance().defaultServerGroup()).extracting(BackendServer::serverId)
                .containsExactly("i-bp1h5u3fv54ytf5hq1ab", "i-bp1h5u3fv54ytf5hq1ac");
        assertThat(s.listeners()).extracting(Listener::label).containsExactly("80/http", "443/https");
        assertThat(s.health()).hasSize(4).allMatch(BackendHealth::normal);
        assertThat(s.vServerGroups()).isEmpty();
        assertThat(s.rules()).isEmpty();
        assertThat(s.calls()).hasSize(4).allMatch(ApiCall::succeeded)
                .allSatisfy(c -> assertThat(c.requestId()).isNotBlank())
                .allSatisfy(c -> assertThat(c.rawJson()).startsWith("{"));
        assertThat(s.calls().stream().filter(c -> c.action().equals("DescribeLoadBalancerAttribute")).findFirst().orElseThrow()
                .rawJson()).contains("生产环境-华东");
    }

    @Test
    void fiftyListenersOnTheDefaultGroupCostAtMostFiveCalls() {
        SlbSnapshot s = collector.collect("cn-hangzhou", "lb-bp1hzdlarge50x20g6i8k1");

        assertThat(s.complete()).isTrue();
        assertThat(s.listeners()).hasSize(50);
        assertThat(s.health()).hasSize(50 * 20);
        assertThat(s.backendsOf(s.listeners().get(49))).hasSize(20);
        assertThat(s.calls()).hasSizeLessThanOrEqualTo(5);
        assertThat(sandbox.faults.calls()).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void vServerGroupsAndRulesAreReadInOneDependentRound() {
        SlbSnapshot s = collector.collect("cn-hangzhou", "lb-bp1hzavsgrules3j5l7n9p");

        assertThat(s.complete()).isTrue();
        // the unused group is not read
        assertThat(s.vServerGroups()).extracting(VServerGroup::id)
                .containsExactly("rsp-bp1web0000000a1", "rsp-bp1api0000000b2", "rsp-bp1static00000c3");
        assertThat(s.rules()).extracting(ForwardingRule::ruleId).containsExactlyInAnyOrder("rule-bp1qjwo61pqz3a",
                "rule-bp1qjwo61pqz3b");
        Listener http = s.listeners().stream().filter(l -> l.port() == 80).findFirst().orElseThrow();
        assertThat(s.backendsOf(http)).extracting(BackendServer::serverId).containsExactly("i-bp1vsg0web00000000001a",
                "i-bp1vsg0web00000000001b", "i-bp1vsg0api00000000001a", "i-bp1vsg0stc00000000001a");
        assertThat(sandbox.faults.callCount("DescribeVServerGroupAttribute")).isEqualTo(3);
        assertThat(sandbox.faults.calls()).doesNotContain("DescribeLoadBalancerHTTPListenerAttribute");
    }

    @Test
    void aRuleToTheDefaultGroupOfAnotherListenerIsFound() {
        // DescribeVServerGroups names the api group's listener (8080, its default group) and its rule, but the
        // rule belongs to listener 80: a rule's listener is not given, so it is looked for on every Layer-7 listener
        SlbSnapshot s = collector.collect("cn-hangzhou", "lb-bp1hzeshared4g6i8k0m2");

        assertThat(s.complete()).isTrue();
        assertThat(s.rules()).extracting(ForwardingRule::ruleId, ForwardingRule::listenerPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rule-bp1shr0api000001", 80));
        Listener http = s.listeners().stream().filter(l -> l.port() == 80).findFirst().orElseThrow();
        assertThat(s.backendsOf(http)).extracting(BackendServer::serverId)
                .containsExactly("i-bp1shr0web00000000001a", "i-bp1shr0api00000000001a");
        assertThat(sandbox.faults.callCount("DescribeRules")).isEqualTo(2);
    }

    @Test
    void optionalAndLegacyFieldsAndLetterCase() {
        var legacy = new com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse();
        var port = new com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse.ListenerPortAndProtocal();
        port.setListenerPort(80);
        port.setListenerProtocal("HTTP");
        legacy.setListenerPortsAndProtocal(java.util.List.of(port));
        // only the legacy misspelt list (ListenerPortsAndProtocal): the ports are still known
        assertThat(SlbCollector.toInstance(legacy).listenerPorts())
                .containsExactly(new InstanceAttributes.ListenerPortAndProtocol(80, "http"));

        var l = new com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersResponse.Listener();
        l.setListenerPort(3306);
        l.setListenerProtocol("TCP");
        var tcp = new com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersResponse.Listener.TCPListenerConfig();
        tcp.setHealthCheckConnectPort(0);
        tcp.setEstablishedTimeout(900);
        l.setTCPListenerConfig(tcp);
        Listener listener = SlbCollector.toListener(l);
        assertThat(listener.protocol()).isEqualTo("tcp");
        assertThat(listener.establishedTimeout()).isEqualTo(900);
        // 0 is outside 1-65535: not set, the health check uses the backend port
        assertThat(listener.healthCheckConnectPort()).isNull();
    }

    @Test
    void aFailedCallLeavesItsPartNullAndKeepsTheRest() {
        sandbox.faults.inject("DescribeHealthStatus", SandboxFault.SERVICE_UNAVAILABLE);

        SlbSnapshot s = collector.collect("cn-hangzhou", "lb-bp1hz1allabn5r8t2w6y3");

        assertThat(s.complete()).isFalse();
        assertThat(s.health()).isNull();
        assertThat(s.instance()).isNotNull();
        assertThat(s.listeners()).hasSize(1);
        assertThat(s.vServerGroups()).isEmpty();
        CollectionError error = s.errorOf("DescribeHealthStatus").orElseThrow();
        assertThat(error.code()).isEqualTo("ServiceUnavailable");
        assertThat(error.requestId()).isNotBlank();
        ApiCall failed = s.calls().stream().filter(c -> c.action().equals("DescribeHealthStatus")).findFirst().orElseThrow();
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.errorCode()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void malformedListenersAnswerFailsOnlyThatPart() {
        sandbox.faults.inject("DescribeLoadBalancerListeners", SandboxFault.UNCLOSED_JSON);

        SlbSnapshot s = collector.collect("cn-hangzhou", "lb-bp1hz0healthy7k2m9q4x1");

        assertThat(s.listeners()).isNull();
        assertThat(s.errorOf("DescribeLoadBalancerListeners")).get().extracting(CollectionError::code)
                .isEqualTo("SDK.MalformedResponse");
        assertThat(s.health()).hasSize(4);
        assertThat(s.instance().name()).isEqualTo("生产环境-华东");
    }

    @Test
    void unknownInstanceFailsEveryPartWithNotFound() {
        SlbSnapshot s = collector.collect("cn-hangzhou", "lb-bp1doesnotexist000000");

        assertThat(s.instance()).isNull();
        assertThat(s.errorOf("DescribeLoadBalancerAttribute")).get().extracting(CollectionError::code)
                .isEqualTo("InvalidLoadBalancerId.NotFound");
        assertThat(s.health()).isNull();
        assertThat(s.vServerGroups()).isNull();
    }
}
