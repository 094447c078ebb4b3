package org.slbdoctor.checklist.checks;

import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.checklist.TestArtifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.EvidenceSource;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;

class LoopbackAccessCheckTests {

    private final LoopbackAccessCheck check = new LoopbackAccessCheck();

    @Test
    void failsWhenABackendCallsTheSlb() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().backendCallsSlbAddress(true)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("backendCallsSlbAddress = true");
    }

    @Test
    void passesWhenNoBackendDoes() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().backendCallsSlbAddress(false)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence()).extracting(e -> e.text()).contains("instance address 47.96.1.10 (internet)");
    }

    @Test
    void unknownOtherwise() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("observation:backendCallsSlbAddress");
    }

    @Test
    void failsWhenTheAccessLogShowsABackendAsClient() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed(),
                TestArtifacts.fixture(ArtifactKind.SLB_ACCESS_LOG, "sls export", "accesslog/access.jsonl")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("from backend 192.168.0.12 in sls export, first at line 3");
        assertThat(f.evidence()).anyMatch(e -> "sls export".equals(e.artifactName()) && Integer.valueOf(3).equals(e.lineNumber()));
    }

    @Test
    void accessLogWithoutBackendClientsLeavesItToTheObservation() {
        var log = TestArtifacts.of(ArtifactKind.SLB_ACCESS_LOG, "clean",
                "{\"client_ip\":\"47.98.1.20\",\"status\":\"200\",\"upstream_status\":\"200\",\"slb_vport\":\"80\"}\n");
        assertThat(check.evaluate(TestSnapshots.healthyWeb().with(observed().backendCallsSlbAddress(false), log)).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void unknownWhenBackendAddressesCouldNotBeReadAndTheLogShowsNoLoop() {
        var log = TestArtifacts.of(ArtifactKind.SLB_ACCESS_LOG, "clean",
                "{\"client_ip\":\"47.98.1.20\",\"status\":\"200\",\"upstream_status\":\"200\",\"slb_vport\":\"80\"}\n");
        Finding f = check.evaluate(TestSnapshots.healthyWeb().failed("DescribeHealthStatus", "ServiceUnavailable")
                .with(observed().backendCallsSlbAddress(false), log));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).contains("api:DescribeHealthStatus (ServiceUnavailable)");
    }

    /** A Log Service CSV export of only the columns the operator picked: no client_ip, so no loop can show. */
    static final String CSV_WITHOUT_CLIENT_IP = """
            __time__,request_method,request_uri,slb_vport,status,upstream_addr,upstream_status,request_time
            1795428000,GET,/index.php,80,200,192.168.0.11:80,200,0.004
            1795428001,GET,/report.php,80,504,192.168.0.11:80,-,60.002
            """;

    @Test
    void anAccessLogWithoutClientIpsNeedsNoBackendAddresses() {
        var log = TestArtifacts.of(ArtifactKind.SLB_ACCESS_LOG, "sls columns", CSV_WITHOUT_CLIENT_IP);
        Finding f = check.evaluate(TestSnapshots.healthyWeb().failed("DescribeHealthStatus", "ServiceUnavailable")
                .with(observed().backendCallsSlbAddress(false), log));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(EvidenceSource.ARTIFACT);
            assertThat(e.artifactName()).isEqualTo("sls columns");
            assertThat(e.text()).contains("2 requests").contains("no client_ip");
        });
    }

    @Test
    void aCleanAccessLogIsListedAsEvidence() {
        var log = TestArtifacts.of(ArtifactKind.SLB_ACCESS_LOG, "clean",
                "{\"client_ip\":\"47.98.1.20\",\"status\":\"200\",\"upstream_status\":\"200\",\"slb_vport\":\"80\"}\n");
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().backendCallsSlbAddress(false), log));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(EvidenceSource.ARTIFACT);
            assertThat(e.artifactName()).isEqualTo("clean");
            assertThat(e.text()).contains("1 request").contains("none from a backend address");
        });
    }
}
