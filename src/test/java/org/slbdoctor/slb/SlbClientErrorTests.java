package org.slbdoctor.slb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slbdoctor.slb.SlbApiException.Kind;
import org.slbdoctor.slb.sandbox.SandboxFault;

/** Every error the API (or the network) can produce becomes its typed error; retries are bounded. */
class SlbClientErrorTests {

    static final String LB = "lb-bp1hz0healthy7k2m9q4x1";
    @AutoClose
    static final SandboxFixture sandbox = new SandboxFixture();
    static final SlbClient client = sandbox.client();

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    static DescribeLoadBalancerAttributeRequest attribute(String id) {
        DescribeLoadBalancerAttributeRequest r = new DescribeLoadBalancerAttributeRequest();
        r.setLoadBalancerId(id);
        return r;
    }

    static SlbApiException failure(SlbClient c, String region, DescribeLoadBalancerAttributeRequest r) {
        SlbApiException e = catchThrowableOfType(SlbApiException.class, () -> c.call(region, r));
        assertThat(e).as("expected an SlbApiException").isNotNull();
        assertThat(e.action()).isEqualTo("DescribeLoadBalancerAttribute");
        return e;
    }

    @Test
    void unknownInstanceIsNotFoundWithTheApiRequestId() {
        SlbApiException e = failure(client, "cn-hangzhou", attribute("lb-bp1nosuchinstance0000"));
        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.code()).isEqualTo("InvalidLoadBalancerId.NotFound");
        assertThat(e.requestId()).matches("[0-9A-F-]{36}");
        assertThat(e.getMessage()).contains("does not exist").contains(e.requestId());
        assertThat(e.call().attempts()).isEqualTo(1);
    }

    @Test
    void instanceOfAnotherRegionIsNotFound() {
        assertThat(failure(client, "cn-hongkong", attribute(LB)).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void unknownAccessKeyIsBadCredentials() {
        SlbApiException e = failure(sandbox.client(sandbox.settings(), "LTAI5tUnknown00000000", SandboxFixture.SECRET),
                "cn-hangzhou", attribute(LB));
        assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
        assertThat(e.code()).isEqualTo("InvalidAccessKeyId.NotFound");
    }

    @Test
    void wrongSecretIsBadCredentialsAndTheSecretIsNeverInTheMessage() {
        String wrong = "wrong-secret-xyz-987";
        SlbApiException e = failure(sandbox.client(sandbox.settings(), SandboxFixture.AK, wrong), "cn-hangzhou",
                attribute(LB));
        assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
        // the SDK recognises the echoed string to sign and reports the secret as invalid
        assertThat(e.code()).isEqualTo("SDK.InvalidAccessKeySecret");
        assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(SandboxFixture.SECRET);
    }

    @Test
    void ramDenial() {
        sandbox.faults.inject("DescribeLoadBalancerAttribute", SandboxFault.FORBIDDEN_RAM);
        SlbApiException e = failure(client, "cn-hangzhou", attribute(LB));
        assertThat(e.kind()).isEqualTo(Kind.RAM_DENIED);
        assertThat(e.code()).isEqualTo("Forbidden.RAM");
        assertThat(e.call().attempts()).isEqualTo(1);
    }

    @Test
    void throttlingIsRetriedWhateverItsStatusAndThenSucceeds() {
        for (int status : new int[] {400, 429}) {
            sandbox.faults.setThrottleStatus(status);
            sandbox.faults.throttleNextCalls(2);
            SlbClient.Result<DescribeLoadBalancerAttributeResponse> r = client.call("cn-hangzhou", attribute(LB));
            assertThat(r.response().getLoadBalancerName()).isEqualTo("生产环境-华东");
            assertThat(r.call().attempts()).isEqualTo(3);
            assertThat(r.call().succeeded()).isTrue();
        }
    }

    @Test
    void throttlingBeyondTheRetriesIsThrottled() {
        sandbox.faults.setThrottleStatus(429);
        sandbox.faults.throttleNextCalls(100);
        SlbApiException e = failure(client, "cn-hangzhou", attribute(LB));
        assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(e.code()).isEqualTo("Throttling.User");
        assertThat(e.call().attempts()).isEqualTo(4);
        assertThat(sandbox.faults.callCount("DescribeLoadBalancerAttribute")).isEqualTo(4);
    }

    @Test
    void retriesAreBoundedInTime() {
        SlbProperties s = sandbox.settings();
        SlbProperties slowBackoff = new SlbProperties(s.endpoint(), s.connectTimeout(), s.readTimeout(), 10,
                Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofMillis(200), 0.0, 20, 4);
        sandbox.faults.throttleNextCalls(100);
        SlbApiException e = failure(sandbox.client(slowBackoff, SandboxFixture.AK, SandboxFixture.SECRET), "cn-hangzhou",
                attribute(LB));
        assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
        // 10 attempts were allowed: stopping after at most 3 shows the 300 ms budget ended the retries.
        // One attempt alone is possible on a loaded machine, where the first call can outlast the budget.
        assertThat(e.call().attempts()).isBetween(1, 3);
    }

    @Test
    void serverErrorsAreRetriedThenUnavailable() {
        sandbox.faults.inject("DescribeLoadBalancerAttribute", SandboxFault.SERVICE_UNAVAILABLE, 2);
        assertThat(client.call("cn-hangzhou", attribute(LB)).call().attempts()).isEqualTo(3);

        sandbox.faults.inject("DescribeLoadBalancerAttribute", SandboxFault.INTERNAL_ERROR);
        SlbApiException e = failure(client, "cn-hangzhou", attribute(LB));
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.code()).isEqualTo("InternalError");
        assertThat(e.requestId()).isNotBlank();
        assertThat(e.call().attempts()).isEqualTo(4);
    }

    @Test
    void slowAnswerIsATimeout() {
        SlbProperties s = sandbox.settings();
        SlbProperties shortRead = new SlbProperties(s.endpoint(), s.connectTimeout(), Duration.ofMillis(300), 1,
                s.maxRetryTime(), s.backoffBase(), s.backoffMax(), 0.0, 20, 4);
        sandbox.faults.setLatencyMillis(1500);
        SlbApiException e = failure(sandbox.client(shortRead, SandboxFixture.AK, SandboxFixture.SECRET), "cn-hangzhou",
                attribute(LB));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.code()).isEqualTo("SDK.ReadTimeout");
        assertThat(e.requestId()).isNull();
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SlbProperties closed = sandbox.settings().withEndpoint("http://127.0.0.1:" + port);
        SlbApiException e = failure(sandbox.client(closed, SandboxFixture.AK, SandboxFixture.SECRET), "cn-hangzhou",
                attribute(LB));
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.code()).isEqualTo("SDK.ServerUnreachable");
        assertThat(e.call().attempts()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(value = SandboxFault.class, names = {"TRUNCATED_JSON", "UNCLOSED_JSON", "PLAIN_TEXT", "FLOAT_INTEGER",
            "NO_CONTENT_TYPE", "WRONG_ARRAY_SHAPE"})
    void malformedAnswersAreRefusedBeforeTheSdkParsesThem(SandboxFault fault) {
        for (String action : List.of("DescribeLoadBalancerAttribute", "DescribeLoadBalancerListeners", "DescribeHealthStatus")) {
            sandbox.faults.inject(action, fault);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            SlbApiException e = failure(client, "cn-hangzhou", attribute(LB));
            assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
            assertThat(e.code()).isEqualTo("SDK.MalformedResponse");
            assertThat(e.call().attempts()).isEqualTo(1);
            if (fault != SandboxFault.NO_CONTENT_TYPE) {
                assertThat(e.call().rawJson()).isNotNull();
            }

            DescribeLoadBalancerListenersRequest listeners = new DescribeLoadBalancerListenersRequest();
            listeners.setLoadBalancerIds(List.of(LB));
            SlbApiException e2 = catchThrowableOfType(SlbApiException.class, () -> client.call("cn-hangzhou", listeners));
            assertThat(e2.code()).isEqualTo("SDK.MalformedResponse");

            DescribeHealthStatusRequest health = new DescribeHealthStatusRequest();
            health.setLoadBalancerId(LB);
            SlbApiException e3 = catchThrowableOfType(SlbApiException.class, () -> client.call("cn-hangzhou", health));
            assertThat(e3.code()).isEqualTo("SDK.MalformedResponse");
        });
    }

    @Test
    void anHtmlErrorPageFromAProxyIsMalformedAfterTheRetries() {
        sandbox.faults.inject("DescribeLoadBalancerAttribute", SandboxFault.HTML_ERROR_PAGE);
        SlbApiException e = failure(client, "cn-hangzhou", attribute(LB));
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.code()).isEqualTo("SDK.MalformedResponse");
        assertThat(e.getMessage()).contains("HTTP 502").contains("<title>502 Bad Gateway</title>");
        // a 5xx page from a proxy in front of the API is transient like a 5xx of the API itself
        assertThat(e.call().attempts()).isEqualTo(4);
        assertThat(e.call().rawJson()).contains("<html>");

        sandbox.faults.inject("DescribeLoadBalancerAttribute", SandboxFault.HTML_ERROR_PAGE, 1);
        assertThat(client.call("cn-hangzhou", attribute(LB)).call().attempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = SandboxFault.class, names = {"UNICODE_ESCAPED_JSON", "UTF8_BOM"})
    void validJsonTheSdkReaderWouldGarbleIsNormalisedFirst(SandboxFault fault) {
        sandbox.faults.inject("DescribeLoadBalancerAttribute", fault);
        SlbClient.Result<DescribeLoadBalancerAttributeResponse> r = client.call("cn-hangzhou", attribute(LB));
        // the SDK reader drops the backslash of a unicode escape (u751f) and reads a body after a BOM as empty
        assertThat(r.response().getLoadBalancerName()).isEqualTo("生产环境-华东");
        assertThat(r.response().getBackendServers()).hasSize(2);
        assertThat(r.response().getListenerPortsAndProtocol()).hasSize(2);
    }

    @Test
    void aConnectionNotAcceptedInTimeSaysWhichSetting() throws IOException {
        // a listening socket whose backlog is full and never accepted: further SYNs go unanswered
        try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket s = new java.net.Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (IOException e) {
                        s.close();
                        break;
                    }
                }
                SlbProperties s = sandbox.settings().withEndpoint("http://127.0.0.1:" + full.getLocalPort());
                SlbProperties shortConnect = new SlbProperties(s.endpoint(), Duration.ofMillis(300), s.readTimeout(), 1,
                        s.maxRetryTime(), s.backoffBase(), s.backoffMax(), 0.0, 20, 4);
                SlbApiException e = failure(sandbox.client(shortConnect, SandboxFixture.AK, SandboxFixture.SECRET),
                        "cn-hangzhou", attribute(LB));
                assertThat(e.code()).isEqualTo("SDK.ServerUnreachable");
                assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
                assertThat(e.getMessage()).contains("slbdoctor.aliyun.connect-timeout")
                        .doesNotContain("Signature=").doesNotContain(SandboxFixture.AK);
            } finally {
                for (java.net.Socket f : fillers) {
                    f.close();
                }
            }
        }
    }

    @Test
    void errorCodesMapToKinds() {
        assertThat(SlbClient.kindOf("Throttling.Api", null)).isEqualTo(Kind.THROTTLED);
        assertThat(SlbClient.kindOf("Throttling", null)).isEqualTo(Kind.THROTTLED);
        assertThat(SlbClient.kindOf("SignatureDoesNotMatch", null)).isEqualTo(Kind.BAD_CREDENTIALS);
        assertThat(SlbClient.kindOf("ServiceUnavailable", null)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(SlbClient.kindOf(null, "Server response has a bad format type: RAW")).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(SlbClient.kindOf("InvalidParameter", null)).isEqualTo(Kind.OTHER);
        assertThat(SlbClient.kindOf("Forbidden.RAM", null)).isEqualTo(Kind.RAM_DENIED);
        assertThat(SlbClient.kindOf("NoPermission", null)).isEqualTo(Kind.RAM_DENIED);
        assertThat(SlbClient.kindOf("InvalidAccessKeyId.NotFound", null)).isEqualTo(Kind.BAD_CREDENTIALS);
        assertThat(SlbClient.kindOf("InvalidLoadBalancerId.NotFound", null)).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void rateLimiterSpacesCalls() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(20, 1);
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            limiter.acquire();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(450);
    }
}
