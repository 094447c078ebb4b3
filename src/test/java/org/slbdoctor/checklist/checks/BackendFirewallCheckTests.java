package org.slbdoctor.checklist.checks;

import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.checklist.CheckSettings;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.EvidenceSource;
import org.slbdoctor.checklist.TestArtifacts;
import org.slbdoctor.checklist.TestListeners;
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

    private static TestSnapshots web() {
        return TestSnapshots.healthyWeb();
    }

    @Test
    void failsWhenTheIptablesDumpDropsTheSlbRange() {
        Finding f = check.evaluate(web().with(observed().securitySoftwareOnBackend(false),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "web-1 iptables-save", "iptables/csf-drop-100-64.txt")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("web-1 iptables-save: DROP of a new connection from 100.64.0.1 to 192.168.0.11 port 80")
                .contains("-A DENYIN -s 100.64.0.0/10 ! -i lo -j DROP");
        assertThat(f.evidence()).anyMatch(e -> e.source() == EvidenceSource.ARTIFACT
                && e.text().equals("-A DENYIN -s 100.64.0.0/10 ! -i lo -j DROP") && e.lineNumber() != null);
    }

    @Test
    void aKubeProxyMarkRuleStillFailsButTheFindingSaysItsMarkWasNotEvaluated() {
        Finding f = check.evaluate(web().with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "node-1 iptables-save", "iptables/kube-proxy.txt")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("node-1 iptables-save: DROP of a new connection from 100.64.0.1")
                .contains("-m mark --mark 0x8000/0x8000 -j DROP")
                .contains("not evaluated: `-m mark --mark 0x8000/0x8000` (this rule)")
                .contains("the dump does not show whether SLB's packets meet it");
        // a rule without ignored matches gets no such note
        Finding csf = check.evaluate(web().with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "web-1 iptables-save", "iptables/csf-drop-100-64.txt")));
        assertThat(csf.summary()).doesNotContain("not evaluated");
        // an ignored match on a jump taken to the deciding rule is named with the jump's line
        Finding ufw = check.evaluate(TestSnapshots.instance().listener(TestListeners.http(443))
                .backend("i-a", "192.168.0.11", 100).with(observed(),
                        TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "ufw", "iptables/ufw.txt")));
        assertThat(ufw.status()).isEqualTo(Status.FAIL);
        assertThat(ufw.summary()).contains("`-A ufw-skip-to-policy-input -j DROP`; not evaluated: "
                + "`-m addrtype --dst-type BROADCAST` (the jump at line 27)");
    }

    @Test
    void passesWhenEveryProbeIsAccepted() {
        Finding f = check.evaluate(web().with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "web-1 iptables-save", "iptables/csf-whitelisted.txt")));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.summary()).contains("web-1 iptables-save").contains("port(s) 80");
    }

    @Test
    void policyDropWithOnlySshOpenBlocksTheHealthCheckPort() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(TestListeners.tcp(8080).healthCheckConnectPort(8081))
                .backend("i-a", "192.168.0.11", 100).health(8080, "tcp", "i-a", "192.168.0.11", 8080, "abnormal")
                .with(observed(), TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "dump", "iptables/policy-drop-ssh-only.txt")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("port 8080").contains("the INPUT policy");
        assertThat(f.evidence()).extracting(e -> e.text()).contains("probed backend port(s): 8080, 8081; backend address(es): 192.168.0.11");
    }

    @Test
    void aDumpWithoutFilterTableGivesNoEvidence() {
        Finding f = check.evaluate(web().with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "nat dump", "iptables/nat-only.txt")));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.evidence()).anyMatch(e -> e.text().contains("no *filter table"));
    }

    @Test
    void interfaceComesFromTheSettings() {
        String dump = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -i eth1 -s 100.64.0.0/10 -j DROP\nCOMMIT\n";
        var artifact = TestArtifacts.of(ArtifactKind.IPTABLES_SAVE, "eth1 dump", dump);
        assertThat(check.evaluate(web().with(observed(), artifact)).status()).isEqualTo(Status.PASS);
        EvidenceSnapshot onEth1 = new EvidenceSnapshot(web().build(), observed().build(), java.util.List.of(artifact),
                new CheckSettings(32768, "eth1"));
        assertThat(check.evaluate(onEth1).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void uncertainRulesAreListedAsCaveats() {
        String dump = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m set --match-set blacklist src -j DROP\nCOMMIT\n";
        Finding f = check.evaluate(web().with(observed(), TestArtifacts.of(ArtifactKind.IPTABLES_SAVE, "ipset dump", dump)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence()).anyMatch(e -> e.text().startsWith("caveat") && Integer.valueOf(3).equals(e.lineNumber()));
    }

    @Test
    void dumpWithoutBlockIsUnknownWhenBackendAddressesFailed() {
        Finding f = check.evaluate(web().failed("DescribeHealthStatus", "ServiceUnavailable").with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "dump", "iptables/csf-whitelisted.txt")));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).contains("api:DescribeHealthStatus (ServiceUnavailable)");
        Finding stillFails = check.evaluate(web().failed("DescribeHealthStatus", "ServiceUnavailable").with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "dump", "iptables/csf-drop-100-64.txt")));
        assertThat(stillFails.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aDumpWithCountersIsReadAndQuoted() {
        Finding f = check.evaluate(web().with(observed().securitySoftwareOnBackend(false),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "iptables-save -c", "iptables/save-c-counters.txt")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("DROP of a new connection from 100.64.0.1 to 192.168.0.11 port 80")
                .contains("line 8");
        assertThat(f.evidence()).anyMatch(e -> Integer.valueOf(8).equals(e.lineNumber())
                && e.text().contains("-A INPUT -s 100.64.0.0/10 -p tcp -m tcp --dport 80"));
    }

    @Test
    void theSummarySaysWhenNoDumpHadAFilterTable() {
        Finding f = check.evaluate(web().with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "nat dump", "iptables/nat-only.txt")));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.summary()).contains("nat dump").contains("no *filter table");
        assertThat(f.missing()).contains("artifact:iptables-save");
    }

    @Test
    void iptablesNftDumpsSayWhatTheyCannotShow() {
        Finding incompatible = check.evaluate(web().with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "web-1 iptables-save", "iptables/nft-incompatible.txt")));
        assertThat(incompatible.status()).isEqualTo(Status.UNKNOWN);
        assertThat(incompatible.evidence()).anyMatch(e -> e.text().contains("no *filter table")
                && e.text().contains("nft list ruleset"));
        // firewalld on its nftables backend leaves iptables' own tables empty: the simulation accepts
        // (CHECKLIST.md), and the finding says which rules the dump cannot show
        Finding empty = check.evaluate(web().with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "web-1 iptables-save", "iptables/firewalld-nft-empty.txt")));
        assertThat(empty.status()).isEqualTo(Status.PASS);
        assertThat(empty.evidence()).anyMatch(e -> e.text().contains("iptables-nft") && e.text().contains("nft list ruleset"));
    }

    @Test
    void anIpv6DumpAppendedToTheIpv4OneDoesNotBlock() {
        Finding f = check.evaluate(web().with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "both", "iptables/ipv4-then-ipv6.txt")));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aFailedBackendCallSkipsRule1OnlyWhenThereIsADump() {
        TestSnapshots failed = web().failed("DescribeLoadBalancerListeners", "ServiceUnavailable");
        Finding noDump = check.evaluate(failed.with(observed().securitySoftwareOnBackend(false)));
        assertThat(noDump.status()).isEqualTo(Status.PASS);
        Finding withDump = check.evaluate(failed.with(observed().securitySoftwareOnBackend(false),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "dump", "iptables/csf-whitelisted.txt")));
        assertThat(withDump.status()).isEqualTo(Status.UNKNOWN);
        assertThat(withDump.summary()).contains("DescribeLoadBalancerListeners failed with ServiceUnavailable");
        assertThat(withDump.missing()).contains("api:DescribeLoadBalancerListeners (ServiceUnavailable)");
        // rule 2 reads no API data and still matches
        assertThat(check.evaluate(failed.with(observed().securitySoftwareOnBackend(true).slbRangeWhitelisted(false),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "dump", "iptables/csf-whitelisted.txt"))).status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void healthCheckPortsOfStoppedListenersAreNotProbed() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(TestListeners.http(80).healthCheckConnectPort(8081))
                .listener(TestListeners.http(8080).status("stopped").healthCheckConnectPort(9999))
                .backend("i-a", "192.168.0.11", 100).health(80, "http", "i-a", "192.168.0.11", 80, "normal")
                .with(observed(), TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "dump", "iptables/csf-whitelisted.txt")));
        assertThat(f.evidence()).extracting(e -> e.text())
                .contains("probed backend port(s): 80, 8081; backend address(es): 192.168.0.11");
    }

    @Test
    void everyBackendAbnormalCorroboratesAFailWithoutChangingIt() {
        TestSnapshots s = TestSnapshots.instance().listener(TestListeners.http(80)).listener(TestListeners.tcp(3306))
                .backend("i-a", "192.168.0.11", 100)
                .health(80, "http", "i-a", "192.168.0.11", 80, "abnormal")
                .health(3306, "tcp", "i-a", "192.168.0.11", 3306, "abnormal");
        Finding f = check.evaluate(s.with(observed(),
                TestArtifacts.fixture(ArtifactKind.IPTABLES_SAVE, "dump", "iptables/csf-drop-100-64.txt")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.evidence()).anyMatch(e -> e.source() == EvidenceSource.API
                && e.text().startsWith("every backend of every running listener is abnormal"));
        Finding pass = check.evaluate(s.with(observed().securitySoftwareOnBackend(false)));
        assertThat(pass.status()).isEqualTo(Status.PASS);
        assertThat(pass.evidence()).anyMatch(e -> e.text().startsWith("every backend of every running listener is abnormal"));
    }
}
