package org.slbdoctor.checklist.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestListeners.http;
import static org.slbdoctor.checklist.TestListeners.tcp;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;
import org.slbdoctor.observation.Observations.DirectToBackendResult;

class WebAppCheckTests {

    private final WebAppCheck check = new WebAppCheck();

    @Test
    void failsWhenPhpFpmIsDown() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().phpFpmRunning(false)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("phpFpmRunning = false");
    }

    @Test
    void phpFpmDownStillFailsWhenListenersFailed() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().failed("DescribeLoadBalancerListeners", "InternalError")
                .with(observed().phpFpmRunning(false).appMaxResponseSeconds(5.0)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void failsWhenTheAppIsSlowerThanRequestTimeout() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().appMaxResponseSeconds(60.0)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("RequestTimeout 60 s of listener 80/http");
    }

    @Test
    void failsWhenSlowerThanTcpEstablishedTimeout() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(tcp(3306).establishedTimeout(300))
                .with(observed().appMaxResponseSeconds(301.0)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("EstablishedTimeout 300 s of listener 3306/tcp");
    }

    @Test
    void stoppedListenerTimeoutsDoNotCount() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().listener(http(8080).requestTimeout(10).status("stopped"))
                .with(observed().appMaxResponseSeconds(20.0)));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void failsWhenDirectRequestsAlsoFail() {
        assertThat(check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().directToBackendResult(DirectToBackendResult.ERRORS))).status()).isEqualTo(Status.FAIL);
        Finding f = check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().directToBackendResult(DirectToBackendResult.INTERMITTENT).appMaxResponseSeconds(1.0)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("INTERMITTENT");
    }

    @Test
    void warnsAtEightyPercentOfTheSmallestTimeout() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().listener(http(8080).requestTimeout(30))
                .with(observed().appMaxResponseSeconds(24.0)));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.summary()).contains("RequestTimeout 30 s of listener 8080/http");
    }

    @Test
    void passesWhenFastAndPhpFpmUp() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().appMaxResponseSeconds(2.5).phpFpmRunning(true).directToBackendResult(DirectToBackendResult.OK)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.summary()).contains("2.5 s").contains("RequestTimeout 60 s of listener 80/http");
    }

    @Test
    void unknownWithoutResponseTime() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().phpFpmRunning(true)));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("observation:appMaxResponseSeconds");
    }

    @Test
    void unknownNamingTheListenersCallWhenTimeoutsCannotBeCompared() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().failed("DescribeLoadBalancerListeners", "ServiceUnavailable")
                .with(observed().appMaxResponseSeconds(3.0).phpFpmRunning(true)));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("api:DescribeLoadBalancerListeners (ServiceUnavailable)");
        assertThat(f.summary()).contains("could not be evaluated because DescribeLoadBalancerListeners failed with ServiceUnavailable");
    }
}
