package org.slbdoctor.slb;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.slb.sandbox.SandboxFault;
import org.slbdoctor.slb.sandbox.SandboxInstance;

/** A region's listing reads every page of DescribeLoadBalancers, whichever reading of TotalCount the API has. */
class SlbLoadBalancersTests {

    @AutoClose
    static final SandboxFixture sandbox = new SandboxFixture();
    static final SlbClient client = sandbox.client();

    static {
        sandbox.scenarios.addFleet(230, 1, 1);
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    static List<String> expected() {
        return sandbox.scenarios.inRegion("cn-hangzhou").stream().map(SandboxInstance::id).toList();
    }

    static List<String> ids(List<DescribeLoadBalancersResponse.LoadBalancer> all) {
        return all.stream().map(DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerId).toList();
    }

    @Test
    void everyPageWithTotalCountAsTheNumberMatching() {
        List<DescribeLoadBalancersResponse.LoadBalancer> all = SlbLoadBalancers.all(client, "cn-hangzhou");
        assertThat(expected()).hasSizeGreaterThan(2 * SlbLoadBalancers.PAGE_SIZE);
        assertThat(ids(all)).containsExactlyElementsOf(expected());
        assertThat(sandbox.faults.callCount("DescribeLoadBalancers")).isEqualTo(3);
        assertThat(all.get(0).getLoadBalancerName()).isNotBlank();
    }

    @Test
    void everyPageWithTotalCountAsTheNumberOnThePage() {
        // §5.2: TotalCount is "total matching" in one reading, "number of instances returned" in the other
        sandbox.faults.inject("DescribeLoadBalancers", SandboxFault.PAGE_TOTAL_COUNT);
        assertThat(ids(SlbLoadBalancers.all(client, "cn-hangzhou"))).containsExactlyElementsOf(expected());
    }

    @Test
    void aRegionWithFewInstancesIsOneCall() {
        assertThat(ids(SlbLoadBalancers.all(client, "ap-southeast-1"))).containsExactly("lb-t4n0sg0someabn2r4t6v8x");
        assertThat(ids(SlbLoadBalancers.all(client, "eu-central-1"))).isEmpty();
        assertThat(sandbox.faults.callCount("DescribeLoadBalancers")).isEqualTo(2);
    }
}
