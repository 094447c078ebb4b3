package org.slbdoctor.checklist.checks;

import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.checklist.EvidenceSource;
import org.slbdoctor.checklist.TestArtifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestListeners.http;
import static org.slbdoctor.checklist.TestListeners.tcp;
import static org.slbdoctor.checklist.TestListeners.udp;
import static org.slbdoctor.checklist.TestSnapshots.observed;
import static org.slbdoctor.checklist.TestSnapshots.rp;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;

class KernelRpFilterCheckTests {

    private final KernelRpFilterCheck check = new KernelRpFilterCheck();

    private static TestSnapshots layer4() {
        return TestSnapshots.instance().listener(tcp(443)).backend("i-a", "192.168.0.11", 100)
                .health(443, "tcp", "i-a", "192.168.0.11", 443, "normal");
    }

    @Test
    void notApplicableWithoutLayer4Listener() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().rpFilter(rp("all", 1))));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.summary()).contains("no tcp or udp listener");
    }

    @Test
    void stoppedUdpListenerStillMakesItApplicable() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().listener(udp(53).status("stopped"))
                .with(observed().rpFilter(rp("all", 1))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void failsQuotingEachNonZeroValue() {
        Finding f = check.evaluate(layer4().with(observed().rpFilter(rp("all", 0, "default", 1, "eth0", 2))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("net.ipv4.conf.default.rp_filter = 1")
                .contains("net.ipv4.conf.eth0.rp_filter = 2").doesNotContain("all.rp_filter");
        assertThat(f.evidence()).extracting(e -> e.text()).contains("rpFilter.all = 0", "rpFilter.eth0 = 2");
    }

    @Test
    void passesWhenAllAndDefaultAreZero() {
        Finding f = check.evaluate(layer4().with(observed().rpFilter(rp("all", 0, "default", 0, "eth0", 0))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.summary()).contains("all").contains("default").contains("eth0");
    }

    @Test
    void unknownWhenDefaultIsNotKnown() {
        Finding f = check.evaluate(layer4().with(observed().rpFilter(rp("all", 0))));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.summary()).contains("net.ipv4.conf.default.rp_filter");
        assertThat(f.missing()).containsExactly("observation:rpFilter", "artifact:sysctl");
    }

    @Test
    void unknownWhenListenersFailedEvenWithBadValues() {
        Finding f = check.evaluate(layer4().listener(http(80)).failed("DescribeLoadBalancerListeners", "InternalError")
                .with(observed().rpFilter(rp("all", 1, "default", 1))));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("api:DescribeLoadBalancerListeners (InternalError)");
    }

    @Test
    void failsOnSysctlOutputQuotingEachLine() {
        Finding f = check.evaluate(layer4().with(observed(),
                TestArtifacts.fixture(ArtifactKind.SYSCTL, "web-1 sysctl -a", "sysctl/sysctl-a-rp-filter-on.txt")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("net.ipv4.conf.all.rp_filter = 1 (web-1 sysctl -a line")
                .contains("net.ipv4.conf.docker0.rp_filter = 2").doesNotContain("lo.rp_filter");
        assertThat(f.evidence()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(EvidenceSource.ARTIFACT);
            assertThat(e.artifactName()).isEqualTo("web-1 sysctl -a");
            assertThat(e.lineNumber()).isPositive();
            assertThat(e.text()).isEqualTo("net.ipv4.conf.all.rp_filter = 1");
        });
    }

    @Test
    void passesOnAFixedSysctlConfWhereTheLaterLinesWin() {
        Finding f = check.evaluate(layer4().with(observed(),
                TestArtifacts.fixture(ArtifactKind.SYSCTL, "/etc/sysctl.conf", "sysctl/sysctl-conf-fixed.conf")));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void newestArtifactOverridesTheObservationAndOlderArtifacts() {
        var old = TestArtifacts.of(ArtifactKind.SYSCTL, "before", "net.ipv4.conf.all.rp_filter = 1\n");
        var fixed = TestArtifacts.of(ArtifactKind.SYSCTL, "after", "net.ipv4.conf.all.rp_filter = 0\n"
                + "net.ipv4.conf.default.rp_filter = 0\n");
        Finding f = check.evaluate(layer4().with(observed().rpFilter(rp("all", 1, "default", 1)), old, fixed));
        assertThat(f.status()).isEqualTo(Status.PASS);
        Finding reversed = check.evaluate(layer4().with(observed().rpFilter(rp("default", 0)), fixed,
                TestArtifacts.of(ArtifactKind.SYSCTL, "newest", "net.ipv4.conf.all.rp_filter = 2\n")));
        assertThat(reversed.status()).isEqualTo(Status.FAIL);
        assertThat(reversed.summary()).contains("net.ipv4.conf.all.rp_filter = 2 (newest line 1)");
    }

    @Test
    void aSysctlArtifactWithoutRpFilterLinesIsListedAsEvidence() {
        var tuning = TestArtifacts.of(ArtifactKind.SYSCTL, "web-1 tuning.conf", """
                # /etc/sysctl.d/90-tuning.conf
                vm.swappiness = 0
                net.ipv4.tcp_max_tw_buckets = 5000
                """);
        Finding f = check.evaluate(layer4().with(observed().rpFilter(rp("all", 0, "default", 0)), tuning));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(EvidenceSource.ARTIFACT);
            assertThat(e.artifactName()).isEqualTo("web-1 tuning.conf");
            assertThat(e.text()).contains("no net.ipv4.conf.<interface>.rp_filter line");
        });
    }

    @Test
    void failQuotesTheSysctlLineAsWritten() {
        var conf = TestArtifacts.of(ArtifactKind.SYSCTL, "/etc/sysctl.conf", """
                # Kernel sysctl configuration file for Red Hat Linux
                net.ipv4.ip_forward = 0
                net.ipv4.conf.default.rp_filter=1
                net/ipv4/conf/all/rp_filter = 0
                """);
        Finding f = check.evaluate(layer4().with(observed(), conf));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("net.ipv4.conf.default.rp_filter=1 (/etc/sysctl.conf line 3)")
                .doesNotContain("rp_filter = 0");
        assertThat(f.evidence()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(EvidenceSource.OBSERVATION);
            assertThat(e.text()).isEqualTo("rpFilter = not known");
        });
    }
}
