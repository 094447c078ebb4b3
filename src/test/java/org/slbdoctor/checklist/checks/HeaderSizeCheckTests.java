package org.slbdoctor.checklist.checks;

import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.checklist.TestArtifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestListeners.http;
import static org.slbdoctor.checklist.TestListeners.https;
import static org.slbdoctor.checklist.TestListeners.tcp;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.CheckSettings;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.EvidenceSource;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;

class HeaderSizeCheckTests {

    private final HeaderSizeCheck check = new HeaderSizeCheck();

    @Test
    void notApplicableWithoutLayer7Listener() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(tcp(80)).with(observed().requestHeaderBytes(90_000L)));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void stoppedHttpListenerStillMakesItApplicable() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(tcp(80)).listener(https(443).status("stopped"))
                .with(observed().requestHeaderBytes(40_000L)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void failsOverTheLimit() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().requestHeaderBytes(32_769L)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("32769").contains("32768");
    }

    @Test
    void limitComesFromTheSettings() {
        EvidenceSnapshot e = new EvidenceSnapshot(TestSnapshots.healthyWeb().build(),
                observed().requestHeaderBytes(9_000L).build(), List.of(), new CheckSettings(8192, "eth0"));
        assertThat(check.evaluate(e).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void warnsAboveEightyPercent() {
        assertThat(check.evaluate(TestSnapshots.healthyWeb().with(observed().requestHeaderBytes(26_215L))).status())
                .isEqualTo(Status.WARN);
        assertThat(check.evaluate(TestSnapshots.healthyWeb().with(observed().requestHeaderBytes(26_214L))).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void unknownWithoutObservation() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).contains("observation:requestHeaderBytes");
    }

    @Test
    void unknownWhenListenersFailedEvenWithAHugeHeader() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(http(80))
                .failed("DescribeLoadBalancerListeners", "ServiceUnavailable").with(observed().requestHeaderBytes(99_999L)));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("api:DescribeLoadBalancerListeners (ServiceUnavailable)");
    }

    static final String TOO_BIG = "2026/11/23 10:02:11 [error] 2231#2231: *5012 upstream sent too big header while "
            + "reading response header from upstream, client: 100.97.88.12, server: www.example.com, request: "
            + "\"GET /login HTTP/1.1\", upstream: \"fastcgi://unix:/run/php-fpm/www.sock:\", host: \"www.example.com\"\n";

    @Test
    void failsOnUpstreamSentTooBigHeader() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().requestHeaderBytes(2_000L),
                TestArtifacts.of(ArtifactKind.NGINX_ERROR_LOG, "web-1 error.log", "2026/11/23 10:00:00 [notice] 1#1: start\n"
                        + TOO_BIG)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("web-1 error.log line 2").contains("upstream sent too big header");
        assertThat(f.evidence()).anyMatch(e -> Integer.valueOf(2).equals(e.lineNumber()));
    }

    @Test
    void failNamesBothTheOversizedHeaderAndTheNginxLine() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().requestHeaderBytes(40_000L),
                TestArtifacts.of(ArtifactKind.NGINX_ERROR_LOG, "web-1 error.log", TOO_BIG)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("40000").contains("web-1 error.log line 1")
                .contains("upstream sent too big header");
    }

    @Test
    void anErrorLogWithoutTheSignatureIsListedAsEvidence() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().requestHeaderBytes(2_000L),
                TestArtifacts.of(ArtifactKind.NGINX_ERROR_LOG, "web-1 error.log", "2026/11/23 09:58:12 [notice] 1752#0: "
                        + "signal process started\n2026/11/23 10:01:02 [error] 1761#0: *251801 connect() failed (111: "
                        + "Connection refused) while connecting to upstream, client: 100.121.34.7, server: localhost, "
                        + "request: \"GET /index.php HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\"\n")));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(EvidenceSource.ARTIFACT);
            assertThat(e.artifactName()).isEqualTo("web-1 error.log");
            assertThat(e.text()).contains("no \"upstream sent too big header\" line");
        });
    }
}
