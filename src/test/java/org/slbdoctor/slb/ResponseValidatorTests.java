package org.slbdoctor.slb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the validator refuses before the SDK's reader sees a body: every value the SDK would turn
 * into an exception or silently drop (reference §2.1), and nothing the reference's shapes contain.
 */
class ResponseValidatorTests {

    static Optional<String> problem(String action, String json) {
        return ResponseValidator.problem(action, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void integerFieldsMustHoldWhatIntegerValueOfAndLongValueOfAccept() {
        String a = "DescribeLoadBalancerAttribute";
        assertThat(problem(a, "{\"Bandwidth\":5120,\"EndTimeStamp\":32493801600000}")).isEmpty();
        assertThat(problem(a, "{\"Bandwidth\":\"5120\",\"EndTimeStamp\":\"\"}")).isEmpty();
        assertThat(problem(a, "{\"Bandwidth\":null}")).isEmpty();
        // Integer.valueOf would throw on each of these
        assertThat(problem(a, "{\"Bandwidth\":80.0}")).get().asString().contains("Bandwidth");
        assertThat(problem(a, "{\"Bandwidth\":1e3}")).isPresent();
        assertThat(problem(a, "{\"Bandwidth\":32493801600000}")).get().asString().contains("Bandwidth");
        assertThat(problem(a, "{\"Bandwidth\":true}")).isPresent();
        assertThat(problem(a, "{\"Bandwidth\":\" 80\"}")).isPresent();
        assertThat(problem(a, "{\"Bandwidth\":\"80.0\"}")).isPresent();
        assertThat(problem(a, "{\"EndTimeStamp\":99999999999999999999}")).isPresent();
        // nested and in arrays: ListenerPorts.ListenerPort[] are integers, so are BackendServers.BackendServer[].Weight
        assertThat(problem(a, "{\"ListenerPorts\":{\"ListenerPort\":[80,443.5]}}")).isPresent();
        assertThat(problem(a, "{\"BackendServers\":{\"BackendServer\":[{\"Weight\":\"heavy\"}]}}")).isPresent();
        assertThat(problem(a, "{\"BackendServers\":{\"BackendServer\":[{\"Weight\":100,\"ServerIp\":\"\"}]}}")).isEmpty();
    }

    @Test
    void aBareArrayWhereTheSdkNeedsAWrapperIsRefusedNotReadAsEmpty() {
        String a = "DescribeLoadBalancerAttribute";
        assertThat(problem(a, "{\"BackendServers\":[{\"ServerId\":\"i-1\",\"Weight\":100}]}")).get().asString()
                .contains("BackendServers");
        assertThat(problem(a, "{\"BackendServers\":[]}")).isEmpty();
        assertThat(problem("DescribeHealthStatus", "{\"BackendServers\":[{\"ServerId\":\"i-1\"}]}")).isPresent();
        assertThat(problem("DescribeVServerGroups",
                "{\"VServerGroups\":{\"VServerGroup\":[{\"AssociatedObjects\":{\"Listeners\":[{\"Port\":80}]}}]}}"))
                .isPresent();
        assertThat(problem("DescribeVServerGroups", "{\"VServerGroups\":{\"VServerGroup\":[{\"VServerGroupId\":\"rsp-1\","
                + "\"AssociatedObjects\":{\"Listeners\":{\"Listener\":[{\"Port\":80,\"Protocol\":\"http\"}]},"
                + "\"Rules\":{\"Rule\":[]}}}]}}")).isEmpty();
    }

    @Test
    void describeLoadBalancerListenersIsTheOtherWayRound() {
        String a = "DescribeLoadBalancerListeners";
        assertThat(problem(a, "{\"NextToken\":\"\",\"MaxResults\":20,\"TotalCount\":1,\"Listeners\":[{\"ListenerPort\":80,"
                + "\"AclIds\":[\"acl-1\"],\"TCPListenerConfig\":{\"PortRanges\":[],\"FullNatEnabled\":\"false\"}}]}"))
                .isEmpty();
        assertThat(problem(a, "{\"Listeners\":{\"Listener\":[{\"ListenerPort\":80}]}}")).get().asString()
                .contains("Listeners");
        assertThat(problem(a, "{\"Listeners\":{}}")).isEmpty();
    }

    @Test
    void syntaxAndStructure() {
        assertThat(problem("DescribeRegions", "")).isPresent();
        assertThat(problem("DescribeRegions", "[]")).isPresent();
        assertThat(problem("DescribeRegions", "{\"Regions\":{\"Region\":[]}")).isPresent();
        assertThat(problem("DescribeRegions", "{\"RequestId\":\"abc")).isPresent();
        assertThat(problem("DescribeRegions", "{} {}")).isPresent();
        assertThat(problem("DescribeRegions", "{\"A\":[[1]]}")).isPresent();
        assertThat(problem("DescribeRegions", "{\"A\":[null]}")).isPresent();
        assertThat(problem(null, "{\"Code\":\"Throttling.User\",\"Message\":\"x\"}")).isEmpty();
    }
}
