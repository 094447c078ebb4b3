package org.slbdoctor.checklist.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestListeners.http;
import static org.slbdoctor.checklist.TestListeners.tcp;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.EvidenceSource;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;
import org.slbdoctor.slb.BackendServer;

class HealthCheckCheckTests {

    private final HealthCheckCheck check = new HealthCheckCheck();

    private static TestSnapshots web(String status1, String status2) {
        return TestSnapshots.instance().listener(http(80))
                .backend("i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 100)
                .backend("i-bp1h5u3fv54ytf5hq1ac", "192.168.0.12", 100)
                .health(80, "http", "i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 80, status1)
                .health(80, "http", "i-bp1h5u3fv54ytf5hq1ac", "192.168.0.12", 80, status2);
    }

    @Test
    void passesWhenAllBackendsAreNormal() {
        Finding f = check.evaluate(web("normal", "normal").bare());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.summary()).contains("80/http");
        assertThat(f.evidence()).allMatch(e -> e.source() == EvidenceSource.API)
                .extracting(e -> e.text())
                .contains("listener 80/http: backend i-bp1h5u3fv54ytf5hq1ab (192.168.0.11) port 80 normal, weight 100");
    }

    @Test
    void failsNamingTheAbnormalBackend() {
        Finding f = check.evaluate(web("normal", "abnormal").bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("listener 80/http: backend i-bp1h5u3fv54ytf5hq1ac (192.168.0.12) port 80 is abnormal");
    }

    @Test
    void saysEveryRequestFailsWhenAllBackendsAreAbnormal() {
        Finding f = check.evaluate(web("abnormal", "abnormal").bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("all 2 backends abnormal: every request on this listener fails");
    }

    @Test
    void abnormalBackendWithWeightZeroIsEvidenceOnly() {
        TestSnapshots s = TestSnapshots.instance().listener(http(80))
                .backend("i-a", "192.168.0.11", 100).backend("i-drained", "192.168.0.12", 0)
                .health(80, "http", "i-a", "192.168.0.11", 80, "normal")
                .health(80, "http", "i-drained", "192.168.0.12", 80, "abnormal");
        Finding f = check.evaluate(s.bare());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence()).extracting(e -> e.text())
                .contains("listener 80/http: backend i-drained (192.168.0.12) port 80 abnormal (weight 0: receives no traffic)");
    }

    @Test
    void failsWhenARunningListenerHasNoBackend() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(http(80)).bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("80/http has no backend server");
    }

    @Test
    void failsWhenAllBackendsHaveWeightZero() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(http(80)).backend("i-a", "192.168.0.11", 0)
                .health(80, "http", "i-a", "192.168.0.11", 80, "normal").bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("all 1 backend(s) have weight 0");
    }

    @Test
    void vServerGroupAndRuleGroupsCountAsBackends() {
        TestSnapshots s = TestSnapshots.instance().listener(http(80).vServerGroup("rsp-web"))
                .vServerGroup("rsp-web", new BackendServer("i-a", "192.168.0.11", 8080, 0, "ecs", null))
                .vServerGroup("rsp-api", new BackendServer("i-b", "192.168.0.12", 9000, 100, "ecs", null))
                .rule(80, "http", "rsp-api")
                .health(80, "http", "i-a", "192.168.0.11", 8080, "normal")
                .health(80, "http", "i-b", "192.168.0.12", 9000, "normal");
        assertThat(check.evaluate(s.bare()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void stoppedListenersAreNotJudged() {
        Finding f = check.evaluate(web("normal", "normal").listener(tcp(3306).status("stopped").healthCheck("off")).bare());
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void warnsWhenTheHealthCheckIsOff() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(tcp(443).healthCheck("off"))
                .backend("i-a", "192.168.0.11", 100).health(443, "tcp", "i-a", "192.168.0.11", 443, "unavailable").bare());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.summary()).contains("443/tcp").contains("502");
    }

    @Test
    void unknownNamingDescribeHealthStatusAndItsCode() {
        Finding f = check.evaluate(web("normal", "normal").failed("DescribeHealthStatus", "ServiceUnavailable").bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("api:DescribeHealthStatus (ServiceUnavailable)");
        assertThat(f.summary()).contains("DescribeHealthStatus failed with ServiceUnavailable");
        assertThat(f.evidence()).extracting(e -> e.text()).anyMatch(t -> t.startsWith("DescribeHealthStatus failed"));
    }

    @Test
    void healthCheckOffStillWarnsWhenHealthFailed() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(http(80).healthCheck("off"))
                .backend("i-a", "192.168.0.11", 100).failed("DescribeHealthStatus", "InternalError").bare());
        assertThat(f.status()).isEqualTo(Status.WARN);
    }

    @Test
    void noBackendStillFailsWhenHealthFailed() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(tcp(80))
                .failed("DescribeHealthStatus", "InternalError").bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void abnormalBackendFailsEvenWhenItsWeightCannotBeRead() {
        Finding f = check.evaluate(web("abnormal", "normal").failed("DescribeLoadBalancerAttribute", "InternalError").bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void unknownWhenListenersFailed() {
        Finding f = check.evaluate(web("normal", "normal").failed("DescribeLoadBalancerListeners", "Throttling.User").bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("api:DescribeLoadBalancerListeners (Throttling.User)");
    }

    @Test
    void aBackendDrainedInTheDefaultGroupButWeightedInARuleGroupStillServes() {
        // i-a has weight 0 in the default server group but 100 in the group a forwarding rule points
        // to: the listener does have a weighted backend, and its failing health check hits traffic
        TestSnapshots s = TestSnapshots.instance().listener(http(80))
                .backend("i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 0)
                .vServerGroup("rsp-api", new BackendServer("i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 80, 100, "ecs", null))
                .rule(80, "http", "rsp-api");
        Finding normal = check.evaluate(s.health(80, "http", "i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 80, "normal").bare());
        assertThat(normal.status()).isEqualTo(Status.PASS);

        Finding abnormal = check.evaluate(TestSnapshots.instance().listener(http(80))
                .backend("i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 0)
                .vServerGroup("rsp-api", new BackendServer("i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 80, 100, "ecs", null))
                .rule(80, "http", "rsp-api")
                .health(80, "http", "i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 80, "abnormal").bare());
        assertThat(abnormal.status()).isEqualTo(Status.FAIL);
        assertThat(abnormal.summary()).contains("all 1 backends abnormal: every request on this listener fails")
                .doesNotContain("weight 0");
    }

    @Test
    void unknownNamesOnlyTheCallsItsRulesNeeded() {
        // the listener forwards to a VServer group: DescribeVServerGroups decides its backends; the
        // failed DescribeLoadBalancerAttribute (default server group) plays no part for it
        Finding f = check.evaluate(TestSnapshots.instance().listener(http(80).vServerGroup("rsp-web"))
                .health(80, "http", "i-a", "192.168.0.11", 8080, "normal")
                .failed("DescribeLoadBalancerAttribute", "InternalError")
                .failed("DescribeVServerGroups", "ServiceUnavailable").bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("api:DescribeVServerGroups (ServiceUnavailable)");
        assertThat(f.summary()).contains("DescribeVServerGroups failed with ServiceUnavailable")
                .doesNotContain("DescribeLoadBalancerAttribute");
    }

    @Test
    void everyRequestFailsWhenEveryWeightedBackendIsAbnormal() {
        // the only normal backend is drained (weight 0): SLB sends every request to an abnormal one
        TestSnapshots s = TestSnapshots.instance().listener(tcp(3306))
                .backend("i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 100)
                .backend("i-bp1h5u3fv54ytf5hq1ac", "192.168.0.12", 100)
                .backend("i-bp1h5u3fv54ytf5hq1ad", "192.168.0.13", 0)
                .health(3306, "tcp", "i-bp1h5u3fv54ytf5hq1ab", "192.168.0.11", 3306, "abnormal")
                .health(3306, "tcp", "i-bp1h5u3fv54ytf5hq1ac", "192.168.0.12", 3306, "abnormal")
                .health(3306, "tcp", "i-bp1h5u3fv54ytf5hq1ad", "192.168.0.13", 3306, "normal");
        Finding f = check.evaluate(s.bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("listener 3306/tcp: all 2 backends abnormal: every request on this listener fails")
                .contains("i-bp1h5u3fv54ytf5hq1ab port 3306").contains("i-bp1h5u3fv54ytf5hq1ac port 3306");
    }

    @Test
    void notEveryRequestFailsWhileAWeightedBackendIsNormal() {
        Finding f = check.evaluate(web("abnormal", "normal").bare());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).doesNotContain("every request");
    }

    @Test
    void withoutListenersOnlyAnAbnormalRowMakesRuleOneNeedThem() {
        // every health row is normal: rule 1 cannot match whatever the listeners are; rules 2 and 3 need them
        Finding f = check.evaluate(web("normal", "normal").failed("DescribeLoadBalancerListeners", "ServiceUnavailable").bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.summary()).contains("Rules 2, 3 could not be evaluated")
                .contains("DescribeLoadBalancerListeners failed with ServiceUnavailable");
        assertThat(f.missing()).containsExactly("api:DescribeLoadBalancerListeners (ServiceUnavailable)");
    }
}
