package org.slbdoctor.checklist.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;

class BackendFirewallCheckTests {

    private final BackendFirewallCheck check = new BackendFirewallCheck();

    @Test
    void failsWhenSecuritySoftwareDoesNotWhitelistTheRange() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().securitySoftwareOnBackend(true).slbRangeWhitelisted(false)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("100.64.0.0/10");
    }

    @Test
    void passesWithoutSecuritySoftwareOrWithWhitelist() {
        assertThat(check.evaluate(TestSnapshots.healthyWeb().with(observed().securitySoftwareOnBackend(false))).status())
                .isEqualTo(Status.PASS);
        assertThat(check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().securitySoftwareOnBackend(true).slbRangeWhitelisted(true))).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void unknownNamesObservationsAndTheFirewallDump() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().securitySoftwareOnBackend(true)));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("observation:slbRangeWhitelisted", "artifact:iptables-save");
    }

    @Test
    void allBackendsAbnormalIsCorroboratingEvidenceOnly() {
        TestSnapshots s = TestSnapshots.instance().listener(org.slbdoctor.checklist.TestListeners.http(80))
                .backend("i-a", "192.168.0.11", 100).backend("i-b", "192.168.0.12", 100)
                .health(80, "http", "i-a", "192.168.0.11", 80, "abnormal")
                .health(80, "http", "i-b", "192.168.0.12", 80, "abnormal");
        Finding f = check.evaluate(s.bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.evidence()).extracting(e -> e.text())
                .anyMatch(t -> t.startsWith("every backend of every running listener is abnormal"));
        assertThat(check.evaluate(TestSnapshots.healthyWeb().bare()).evidence()).extracting(e -> e.text())
                .noneMatch(t -> t.startsWith("every backend"));
    }
}
