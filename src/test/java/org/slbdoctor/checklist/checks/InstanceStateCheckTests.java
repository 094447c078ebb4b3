package org.slbdoctor.checklist.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestListeners.http;
import static org.slbdoctor.checklist.TestListeners.tcp;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;

class InstanceStateCheckTests {

    private final InstanceStateCheck check = new InstanceStateCheck();

    @Test
    void passesWhenActiveAndAllListenersRun() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().bare());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.summary()).contains(TestSnapshots.LB).contains("active").contains("1 listener");
        assertThat(f.evidence()).extracting(e -> e.text()).contains("listener 80/http: Status running");
    }

    @Test
    void failsWhenLocked() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().status("locked").bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("is locked");
    }

    @Test
    void failsWhenInactive() {
        assertThat(check.evaluate(TestSnapshots.healthyWeb().status("inactive").bare()).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void failsNamingTheStoppedListener() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().listener(tcp(3306).status("stopped")).bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("3306/tcp is stopped");
    }

    @Test
    void warnsWhenAListenerIsStartingOrConfiguring() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().listener(http(8080).status("configuring")).bare());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.summary()).contains("8080/http is configuring");
        assertThat(check.evaluate(TestSnapshots.healthyWeb().listener(http(81).status("starting")).bare()).status())
                .isEqualTo(Status.WARN);
    }

    @Test
    void stoppedListenerStillFailsWhenTheAttributeCallFailed() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().listener(tcp(22).status("stopped"))
                .failed("DescribeLoadBalancerAttribute", "ServiceUnavailable").bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void unknownWhenTheAttributeFailedAndNothingElseMatches() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb()
                .failed("DescribeLoadBalancerAttribute", "ServiceUnavailable").bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("api:DescribeLoadBalancerAttribute (ServiceUnavailable)");
        assertThat(f.summary()).contains("DescribeLoadBalancerAttribute failed with ServiceUnavailable");
    }

    @Test
    void lockedStillFailsWhenListenersFailed() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().status("locked")
                .failed("DescribeLoadBalancerListeners", "Throttling.User").bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }
}
