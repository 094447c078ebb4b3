package org.slbdoctor.slb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeRegionsRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.slb.SlbApiException.Kind;

/** {@code slbdoctor.aliyun.endpoint}: scheme, host and port honoured for every region (API.md, configuration). */
class SlbClientEndpointTests {

    @AutoClose
    static final SandboxFixture sandbox = new SandboxFixture();

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    SlbClient clientFor(String endpoint) {
        return sandbox.client(sandbox.settings().withEndpoint(endpoint), SandboxFixture.AK, SandboxFixture.SECRET);
    }

    static DescribeLoadBalancerAttributeRequest attribute(String id) {
        DescribeLoadBalancerAttributeRequest r = new DescribeLoadBalancerAttributeRequest();
        r.setLoadBalancerId(id);
        return r;
    }

    @Test
    void anHttpEndpointServesEveryRegion() {
        SlbClient c = clientFor("HTTP://127.0.0.1:" + sandbox.server.port() + "/");
        assertThat(c.call("cn-hangzhou", attribute("lb-bp1hz0healthy7k2m9q4x1")).response().getRegionId())
                .isEqualTo("cn-hangzhou");
        assertThat(c.call("cn-hongkong", attribute("lb-j6c0hk0healthy1m3o5q7s")).response().getRegionId())
                .isEqualTo("cn-hongkong");
        assertThat(c.call("ap-southeast-1", attribute("lb-t4n0sg0someabn2r4t6v8x")).response().getRegionId())
                .isEqualTo("ap-southeast-1");
        // a region the SDK's endpoint table does not know goes there too
        assertThat(c.call("xx-nowhere-9", new DescribeRegionsRequest()).response().getRegions()).isNotEmpty();
        assertThat(sandbox.faults.calls()).hasSize(4);
    }

    @Test
    void httpsIsHonouredAndIsTheDefaultScheme() {
        // the sandbox speaks plain HTTP: a TLS handshake with it fails before any request reaches it
        for (String endpoint : new String[] {"https://127.0.0.1:" + sandbox.server.port(), "127.0.0.1:" + sandbox.server.port()}) {
            SlbProperties s = sandbox.settings().withEndpoint(endpoint);
            SlbProperties once = new SlbProperties(s.endpoint(), s.connectTimeout(), java.time.Duration.ofSeconds(1), 1,
                    s.maxRetryTime(), s.backoffBase(), s.backoffMax(), 0.0, 20, 4);
            SlbApiException e = catchThrowableOfType(SlbApiException.class, () -> sandbox.client(once, SandboxFixture.AK,
                    SandboxFixture.SECRET).call("cn-hangzhou", attribute("lb-bp1hz0healthy7k2m9q4x1")));
            assertThat(e).as(endpoint).isNotNull();
            assertThat(e.kind()).isIn(Kind.UNREACHABLE, Kind.TIMEOUT);
        }
        assertThat(sandbox.faults.calls()).isEmpty();
    }

    @Test
    void withoutAnEndpointTheSdkResolvesTheRegionalEndpointOverHttps() {
        SlbClient c = sandbox.client(SlbProperties.defaults(), SandboxFixture.AK, SandboxFixture.SECRET);
        DescribeLoadBalancerAttributeRequest r = attribute("lb-bp1hz0healthy7k2m9q4x1");
        c.prepare(r);
        assertThat(r.getSysProtocol()).isEqualTo(ProtocolType.HTTPS);
        assertThat(r.getSysProductDomain()).isNull();

        SlbClient custom = clientFor("http://[::1]:9000");
        DescribeLoadBalancerAttributeRequest r2 = attribute("lb-bp1hz0healthy7k2m9q4x1");
        custom.prepare(r2);
        assertThat(r2.getSysProtocol()).isEqualTo(ProtocolType.HTTP);
        assertThat(r2.getSysProductDomain().getDomainName()).isEqualTo("[::1]:9000");
    }

    @Test
    void anEndpointThatIsNotAnHttpBaseUrlIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> clientFor("ftp://127.0.0.1:21"))
                .withMessageContaining("slbdoctor.aliyun.endpoint");
        assertThatIllegalArgumentException().isThrownBy(() -> clientFor("http://"))
                .withMessageContaining("slbdoctor.aliyun.endpoint");
        assertThatIllegalArgumentException().isThrownBy(() -> clientFor("slb.example.com:abc"))
                .withMessageContaining("slbdoctor.aliyun.endpoint");
    }
}
