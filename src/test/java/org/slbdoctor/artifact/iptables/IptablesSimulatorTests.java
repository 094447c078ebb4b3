package org.slbdoctor.artifact.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slbdoctor.artifact.Fixtures;
import org.slbdoctor.artifact.iptables.ProbeResult.Verdict;

/** The backend-firewall simulation rules of CHECKLIST.md, one by one, on small dumps and real ones. */
class IptablesSimulatorTests {

    private final IptablesSaveAnalyzer analyzer = new IptablesSaveAnalyzer();

    private static final String BACKEND = "192.168.0.11";

    /** A filter table with INPUT policy {@code policy} and the given INPUT rules. */
    private IptablesFacts dump(String policy, String... rules) {
        StringBuilder sb = new StringBuilder("*filter\n:INPUT " + policy + " [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        for (String r : rules) {
            sb.append(r.startsWith(":") || r.startsWith("-A ") ? r : "-A INPUT " + r).append('\n');
        }
        return analyzer.analyze(sb.append("COMMIT\n").toString());
    }

    private ProbeResult probe(IptablesFacts f, String src, String dst, Integer port) {
        return f.simulate(new ProbePacket(src, dst, port, "eth0")).orElseThrow();
    }

    private Verdict verdict(IptablesFacts f, String src, Integer port) {
        return probe(f, src, BACKEND, port).verdict();
    }

    @Test
    void sourceCidrContainmentAndNegation() {
        IptablesFacts f = dump("ACCEPT", "-s 100.64.0.0/10 -j DROP");
        assertThat(verdict(f, "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(f, "100.127.255.254", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(f, "100.128.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        IptablesFacts neg = dump("ACCEPT", "! -s 100.64.0.0/10 -j DROP");
        assertThat(verdict(neg, "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(neg, "8.8.8.8", 80)).isEqualTo(Verdict.DROP);
        IptablesFacts old = dump("ACCEPT", "-s ! 100.64.0.0/10 -j DROP");
        assertThat(verdict(old, "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        IptablesFacts host = dump("ACCEPT", "--source 100.100.0.1 -j REJECT");
        assertThat(verdict(host, "100.100.0.1", 80)).isEqualTo(Verdict.REJECT);
        assertThat(verdict(host, "100.100.0.2", 80)).isEqualTo(Verdict.ACCEPT);
        IptablesFacts mask = dump("ACCEPT", "-s 100.64.0.0/255.192.0.0 -j DROP");
        assertThat(verdict(mask, "100.100.0.1", 80)).isEqualTo(Verdict.DROP);
    }

    @Test
    void destinationNeedsTheBackendIpUnlessItIsAnyAddress() {
        IptablesFacts f = dump("ACCEPT", "-d 192.168.0.0/24 -j DROP");
        assertThat(probe(f, "100.64.0.1", BACKEND, 80).verdict()).isEqualTo(Verdict.DROP);
        assertThat(probe(f, "100.64.0.1", "10.0.0.5", 80).verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(probe(f, "100.64.0.1", null, 80).verdict()).isEqualTo(Verdict.ACCEPT);
        IptablesFacts neg = dump("ACCEPT", "! -d 192.168.0.0/24 -j DROP");
        assertThat(probe(neg, "100.64.0.1", null, 80).verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(probe(neg, "100.64.0.1", "10.0.0.5", 80).verdict()).isEqualTo(Verdict.DROP);
        IptablesFacts any = dump("ACCEPT", "-d 0.0.0.0/0 -j DROP");
        assertThat(probe(any, "100.64.0.1", null, 80).verdict()).isEqualTo(Verdict.DROP);
    }

    @Test
    void protocols() {
        assertThat(verdict(dump("ACCEPT", "-p tcp -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-p 6 -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-p all -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-p TCP -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-p udp -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(dump("ACCEPT", "-p icmp -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(dump("ACCEPT", "! -p udp -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "! -p tcp -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void synMatchesAndNegatedSynDoesNot() {
        assertThat(verdict(dump("ACCEPT", "-p tcp --syn -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-p tcp ! --syn -m state --state NEW -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(dump("ACCEPT", "-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-p tcp -m tcp --tcp-flags ALL NONE -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(dump("ACCEPT", "-p tcp -m tcp --tcp-flags SYN,RST SYN,RST -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void destinationPortsRangesMultiportAndUnknownPort() {
        IptablesFacts single = dump("DROP", "-p tcp -m tcp --dport 80 -j ACCEPT");
        assertThat(verdict(single, "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(single, "100.64.0.1", 81)).isEqualTo(Verdict.DROP);
        assertThat(verdict(single, "100.64.0.1", null)).isEqualTo(Verdict.DROP);
        IptablesFacts range = dump("DROP", "-p tcp --dport 8000:8080 -j ACCEPT");
        assertThat(verdict(range, "100.64.0.1", 8000)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(range, "100.64.0.1", 8080)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(range, "100.64.0.1", 8081)).isEqualTo(Verdict.DROP);
        IptablesFacts open = dump("DROP", "-p tcp --destination-port :1024 -j ACCEPT");
        assertThat(verdict(open, "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(open, "100.64.0.1", 1025)).isEqualTo(Verdict.DROP);
        IptablesFacts high = dump("DROP", "-p tcp --dport 1024: -j ACCEPT");
        assertThat(verdict(high, "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(high, "100.64.0.1", 65535)).isEqualTo(Verdict.ACCEPT);
        IptablesFacts multi = dump("DROP", "-p tcp -m multiport --dports 22,80,443,9000:9010 -j ACCEPT");
        assertThat(verdict(multi, "100.64.0.1", 443)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(multi, "100.64.0.1", 9005)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(multi, "100.64.0.1", 8080)).isEqualTo(Verdict.DROP);
        IptablesFacts negated = dump("ACCEPT", "-p tcp -m multiport ! --dports 22,80 -j DROP");
        assertThat(verdict(negated, "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(negated, "100.64.0.1", 8080)).isEqualTo(Verdict.DROP);
        // a rule with a destination port never matches a port-less probe, negated or not
        assertThat(verdict(negated, "100.64.0.1", null)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void sourcePortRulesNeverMatch() {
        assertThat(verdict(dump("ACCEPT", "-p tcp --sport 1024:65535 -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(dump("ACCEPT", "-p tcp -m multiport --sports 53,123 -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(dump("ACCEPT", "-p tcp ! --sport 1 -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void inputInterfaceExactWildcardAndNegation() {
        assertThat(verdict(dump("ACCEPT", "-i eth0 -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-i eth1 -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(dump("ACCEPT", "-i eth+ -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-i en+ -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(dump("ACCEPT", "! -i lo -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "! -i eth+ -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        IptablesFacts ens = dump("ACCEPT", "-i ens5 -j DROP");
        assertThat(ens.simulate(new ProbePacket("100.64.0.1", BACKEND, 80, "ens5")).orElseThrow().verdict())
                .isEqualTo(Verdict.DROP);
    }

    @Test
    void stateListsMustContainNew() {
        assertThat(verdict(dump("ACCEPT", "-m state --state NEW -j DROP"), "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-m conntrack --ctstate NEW,ESTABLISHED -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-m conntrack --ctstate RELATED,ESTABLISHED -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(dump("ACCEPT", "-m conntrack ! --ctstate INVALID -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-m conntrack ! --ctstate NEW -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void undecidableModulesDoNotMatchAndAreCaveats() {
        for (String module : new String[] {"-m set --match-set blacklist src", "-m recent --rcheck --seconds 60",
            "-m connlimit --connlimit-above 50", "-m hashlimit --hashlimit-above 10/sec --hashlimit-name x",
            "-m string --string \"GET /x\" --algo bm", "-m owner --uid-owner 0", "-m geoip --src-cc CN",
            "-m u32 --u32 \"0>>22&0x3C@4=0x29\""}) {
            IptablesFacts f = dump("ACCEPT", "-p tcp " + module + " -j DROP");
            ProbeResult r = probe(f, "100.64.0.1", BACKEND, 80);
            assertThat(r.verdict()).as(module).isEqualTo(Verdict.ACCEPT);
            assertThat(r.caveats()).as(module).hasSize(1);
            assertThat(r.caveats().get(0).line().lineNumber()).isEqualTo(5);
            assertThat(f.uncertainRules()).hasSize(1);
        }
        // an undecidable rule that would not match anyway is no caveat
        ProbeResult udp = probe(dump("ACCEPT", "-p udp -m set --match-set dns src -j DROP"), "100.64.0.1", BACKEND, 80);
        assertThat(udp.caveats()).isEmpty();
    }

    @Test
    void otherModulesAreIgnored() {
        assertThat(verdict(dump("ACCEPT", "-p tcp -m comment --comment \"block SLB -s 1.2.3.4\" -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-m limit --limit 3/min --limit-burst 10 -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.DROP);
        assertThat(verdict(dump("ACCEPT", "-m addrtype --dst-type LOCAL -j DROP"), "100.64.0.1", 80))
                .isEqualTo(Verdict.DROP);
    }

    @Test
    void targets() {
        IptablesFacts f = dump("ACCEPT", "-s 100.64.0.0/10 -j LOG --log-prefix \"SLB \"",
                "-s 100.64.0.0/10 -j MARK --set-mark 1", "-s 100.64.0.0/10 -j REJECT --reject-with tcp-reset");
        ProbeResult r = probe(f, "100.64.0.1", BACKEND, 80);
        assertThat(r.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(r.decidingLine().lineNumber()).isEqualTo(7);
        assertThat(r.decidingLine().text()).isEqualTo("-A INPUT -s 100.64.0.0/10 -j REJECT --reject-with tcp-reset");
        assertThat(r.byPolicy()).isFalse();
        assertThat(r.chain()).isEqualTo("INPUT");
    }

    @Test
    void returnAndEndOfInputApplyThePolicy() {
        ProbeResult r = probe(dump("DROP", "-s 100.64.0.0/10 -j RETURN", "-j ACCEPT"), "100.64.0.1", BACKEND, 80);
        assertThat(r.verdict()).isEqualTo(Verdict.DROP);
        assertThat(r.byPolicy()).isTrue();
        assertThat(r.decidedBy()).isEqualTo("policy DROP of INPUT");
        assertThat(r.decidingLine().lineNumber()).isEqualTo(2);
        assertThat(r.decidingLine().text()).isEqualTo(":INPUT DROP [0:0]");
        assertThat(probe(dump("DROP"), "100.64.0.1", BACKEND, 80).decidedBy()).isEqualTo("policy DROP of INPUT");
        assertThat(probe(dump("ACCEPT"), "100.64.0.1", BACKEND, 80).verdict()).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void jumpDescendsAndComesBackGotoLeavesTheCaller() {
        IptablesFacts jump = dump("DROP", ":WL - [0:0]", "-j WL", "-p tcp --dport 80 -j ACCEPT",
                "-A WL -s 10.0.0.0/8 -j ACCEPT", "-A WL -s 100.64.0.0/10 -j RETURN", "-A WL -j DROP");
        assertThat(verdict(jump, "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT); // RETURN, then the port 80 rule
        assertThat(verdict(jump, "100.64.0.1", 81)).isEqualTo(Verdict.DROP);
        assertThat(probe(jump, "8.8.8.8", BACKEND, 80).decidingLine().text()).isEqualTo("-A WL -j DROP");
        assertThat(probe(jump, "8.8.8.8", BACKEND, 80).chain()).isEqualTo("WL");

        IptablesFacts fallThrough = dump("ACCEPT", ":C - [0:0]", "-j C", "-j DROP", "-A C -p udp -j ACCEPT");
        assertThat(verdict(fallThrough, "100.64.0.1", 80)).isEqualTo(Verdict.DROP); // end of C: back to INPUT

        IptablesFacts gotoChain = dump("ACCEPT", ":G - [0:0]", ":H - [0:0]", "-j H", "-j DROP",
                "-A H -g G", "-A H -j ACCEPT", "-A G -s 1.1.1.1 -j ACCEPT");
        // G ends without a decision: -g leaves H too, back in INPUT at the rule after "-j H"
        assertThat(verdict(gotoChain, "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        IptablesFacts gotoReturn = dump("DROP", ":G - [0:0]", "-g G", "-j ACCEPT", "-A G -j RETURN");
        // a goto from INPUT: RETURN in G leaves INPUT: the policy
        assertThat(probe(gotoReturn, "100.64.0.1", BACKEND, 80).byPolicy()).isTrue();
        assertThat(verdict(gotoReturn, "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
    }

    @Test
    void chainCyclesDoNotLoopForever() {
        IptablesFacts f = dump("DROP", ":A - [0:0]", ":B - [0:0]", "-j A", "-A A -j B", "-A B -j A", "-A B -j ACCEPT");
        ProbeResult r = probe(f, "100.64.0.1", BACKEND, 80);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(r.caveats()).anyMatch(c -> c.reason().contains("loop"));
    }

    @Test
    void withoutFilterTableThereIsNoSimulation() {
        IptablesFacts nat = analyzer.analyze(Fixtures.read("iptables/nat-only.txt"));
        assertThat(nat.hasFilterTable()).isFalse();
        assertThat(nat.simulate(ProbePacket.of("100.64.0.1", BACKEND, 80))).isEmpty();
        assertThat(nat.summary()).contains("no *filter table");
        assertThat(analyzer.analyze("").hasFilterTable()).isFalse();
        assertThat(analyzer.analyze("Chain INPUT (policy ACCEPT)\ntarget prot opt source destination\n").hasFilterTable())
                .isFalse();
    }

    @Test
    void policyDropWithOnlySshAllowed() {
        IptablesFacts f = analyzer.analyze(Fixtures.read("iptables/policy-drop-ssh-only.txt"));
        ProbeResult r = probe(f, "100.64.0.1", BACKEND, 80);
        assertThat(r.verdict()).isEqualTo(Verdict.DROP);
        assertThat(r.decidingLine().lineNumber()).isEqualTo(3);
        assertThat(r.decidingLine().text()).isEqualTo(":INPUT DROP [1204:98712]");
        assertThat(verdict(f, "100.64.0.1", 22)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(f, "100.64.0.1", null)).isEqualTo(Verdict.DROP);
    }

    @Test
    void csfDenyOf100_64AndItsWhitelistedVariant() {
        IptablesFacts deny = analyzer.analyze(Fixtures.read("iptables/csf-drop-100-64.txt"));
        ProbeResult r = probe(deny, "100.100.0.1", BACKEND, 80);
        assertThat(r.verdict()).isEqualTo(Verdict.DROP);
        assertThat(r.decidingLine().text()).isEqualTo("-A DENYIN -s 100.64.0.0/10 ! -i lo -j DROP");
        assertThat(r.chain()).isEqualTo("DENYIN");
        // an ordinary client passes the CSF INVALID checks and reaches the port 80 rule
        assertThat(verdict(deny, "8.8.8.8", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(deny, "8.8.8.8", 8080)).isEqualTo(Verdict.DROP);

        IptablesFacts allowed = analyzer.analyze(Fixtures.read("iptables/csf-whitelisted.txt"));
        for (String src : new String[] {"100.64.0.1", "100.100.0.1", "100.127.255.254"}) {
            ProbeResult ok = probe(allowed, src, BACKEND, 8080);
            assertThat(ok.verdict()).isEqualTo(Verdict.ACCEPT);
            assertThat(ok.decidingLine().text()).isEqualTo("-A ALLOWIN -s 100.64.0.0/10 ! -i lo -j ACCEPT");
        }
    }

    @Test
    void kubeProxyNodeDropsByTheIgnoredMarkMatchAndSaysSo() {
        IptablesFacts f = analyzer.analyze(Fixtures.read("iptables/kube-proxy.txt"));
        assertThat(f.tables()).extracting(IptablesTable::name).containsExactly("mangle", "filter");
        // the localnet rule needs -d 127.0.0.0/8; the mark rule's -m mark is ignored (CHECKLIST.md), so it drops
        ProbeResult r = probe(f, "100.64.0.1", BACKEND, 80);
        assertThat(r.verdict()).isEqualTo(Verdict.DROP);
        assertThat(r.chain()).isEqualTo("KUBE-FIREWALL");
        assertThat(r.decidingLine().text()).contains("-m mark --mark 0x8000/0x8000 -j DROP");
        assertThat(r.ignoredMatches()).extracting(ProbeResult.Caveat::reason).containsExactly("-m mark --mark 0x8000/0x8000");
        assertThat(r.ignoredMatches().get(0).line().lineNumber()).isEqualTo(r.decidingLine().lineNumber());
        assertThat(r.caveats()).isEmpty();
    }

    @Test
    void ignoredMatchesCarryTheirOptionsAndLeaveEvaluatedOnesOut() {
        IptablesFacts f = dump("ACCEPT",
                "-p tcp -m tcp --dport 80 -m comment --comment \"web\" -m addrtype ! --src-type LOCAL -m mark --mark 0x1 ! -s 10.0.0.0/8 -j DROP",
                "-m set --match-set blocked src -j DROP");
        IptablesRule rule = f.filterTable().orElseThrow().chain("INPUT").orElseThrow().rules().get(0);
        assertThat(rule.ignoredMatches()).containsExactly("-m addrtype ! --src-type LOCAL", "-m mark --mark 0x1");
        // -m set is undecidable (a caveat), not an ignored match
        IptablesRule set = f.filterTable().orElseThrow().chain("INPUT").orElseThrow().rules().get(1);
        assertThat(set.ignoredMatches()).isEmpty();
        assertThat(probe(f, "100.64.0.1", BACKEND, 80).ignoredMatches()).hasSize(2);
        assertThat(probe(dump("DROP"), "100.64.0.1", BACKEND, 80).ignoredMatches()).isEmpty();
    }

    @Test
    void dockerHostAcceptsByPolicy() {
        IptablesFacts f = analyzer.analyze(Fixtures.read("iptables/docker.txt"));
        assertThat(f.tables()).extracting(IptablesTable::name).containsExactly("nat", "filter");
        assertThat(f.filterTable().orElseThrow().chains()).containsKeys("DOCKER", "DOCKER-USER", "DOCKER-ISOLATION-STAGE-1");
        ProbeResult r = probe(f, "100.64.0.1", BACKEND, 80);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(r.byPolicy()).isTrue();
    }

    @Test
    void firewalldPublicZone() {
        IptablesFacts f = analyzer.analyze(Fixtures.read("iptables/firewalld.txt"));
        ProbeResult web = probe(f, "100.64.0.1", BACKEND, 80);
        assertThat(web.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(web.chain()).isEqualTo("IN_public_allow");
        ProbeResult other = probe(f, "100.64.0.1", BACKEND, 8080);
        assertThat(other.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(other.decidingLine().text()).isEqualTo("-A INPUT -j REJECT --reject-with icmp-host-prohibited");
    }

    @Test
    void fail2banChainRejectsAnSlbAddress() {
        IptablesFacts f = analyzer.analyze(Fixtures.read("iptables/fail2ban.txt"));
        ProbeResult r = probe(f, "100.64.12.7", BACKEND, 443);
        assertThat(r.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(r.decidingLine().text())
                .isEqualTo("-A f2b-nginx-limit-req -s 100.64.12.7/32 -j REJECT --reject-with icmp-port-unreachable");
        assertThat(verdict(f, "100.64.0.1", 443)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(f, "100.100.0.1", 22)).isEqualTo(Verdict.REJECT);
    }

    @Test
    void ufwWithLimitAndRecent() {
        IptablesFacts f = analyzer.analyze(Fixtures.read("iptables/ufw.txt"));
        assertThat(verdict(f, "100.64.0.1", 80)).isEqualTo(Verdict.ACCEPT);
        assertThat(verdict(f, "100.64.0.1", 8080)).isEqualTo(Verdict.ACCEPT);
        ProbeResult https = probe(f, "100.64.0.1", BACKEND, 443);
        assertThat(https.verdict()).isEqualTo(Verdict.DROP);
        // CHECKLIST.md ignores -m addrtype, so ufw-after-input's BROADCAST rule sends the probe to
        // ufw-skip-to-policy-input, whose DROP mirrors the DROP policy
        assertThat(https.decidingLine().text()).isEqualTo("-A ufw-skip-to-policy-input -j DROP");
        // ...and says which ignored match the path went through
        assertThat(https.ignoredMatches()).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("-m addrtype --dst-type BROADCAST");
            assertThat(c.line().lineNumber()).isEqualTo(27);
        });
        ProbeResult ssh = probe(f, "100.64.0.1", BACKEND, 22);
        assertThat(ssh.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(ssh.caveats()).hasSize(2).allMatch(c -> c.reason().contains("-m recent"));
        assertThat(f.uncertainRules()).hasSize(2);
    }

    @Test
    void quotingCrlfAndJunkLines() {
        String text = "[root@web-1 ~]# iptables-save\r\n*filter\r\n:INPUT ACCEPT [0:0]\r\n"
                + "-A INPUT -s 100.64.0.0/10 -m comment --comment \"say \\\"hi\\\" -j ACCEPT\" -j DROP\r\nCOMMIT\r\n";
        IptablesFacts f = analyzer.analyze(text);
        assertThat(f.ignoredLines()).isEqualTo(1);
        IptablesRule rule = f.filterTable().orElseThrow().chain("INPUT").orElseThrow().rules().get(0);
        assertThat(rule.target()).isEqualTo("DROP");
        assertThat(rule.args()).contains("say \"hi\" -j ACCEPT");
        assertThat(rule.line().text()).doesNotEndWith("\r");
        assertThat(verdict(f, "100.64.0.1", 80)).isEqualTo(Verdict.DROP);
        assertThat(f.filterTable().orElseThrow().committed()).isTrue();
    }

    @Test
    void rulesWrittenWithCountersByIptablesSaveC() {
        // `iptables-save -c` puts each rule's [packets:bytes] before its -A
        IptablesFacts f = analyzer.analyze(Fixtures.read("iptables/save-c-counters.txt"));
        assertThat(f.ignoredLines()).isZero();
        assertThat(f.filterTable().orElseThrow().chain("f2b-sshd").orElseThrow().rules()).hasSize(2);
        ProbeResult web = probe(f, "100.64.0.1", BACKEND, 80);
        assertThat(web.verdict()).isEqualTo(Verdict.DROP);
        assertThat(web.decidingLine().lineNumber()).isEqualTo(8);
        assertThat(web.decidingLine().text()).startsWith("[0:0] -A INPUT -s 100.64.0.0/10");
        ProbeResult ssh = probe(f, "100.100.0.1", BACKEND, 22);
        assertThat(ssh.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(ssh.chain()).isEqualTo("f2b-sshd");
        assertThat(verdict(f, "100.127.255.254", 22)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void anIp6tablesSaveDumpPastedAfterTheIpv4OneIsNotSimulated() {
        IptablesFacts f = analyzer.analyze(Fixtures.read("iptables/ipv4-then-ipv6.txt"));
        assertThat(f.tables()).hasSize(2);
        assertThat(f.tables()).extracting(IptablesTable::ipv6).containsExactly(false, true);
        assertThat(f.filterTable().orElseThrow().header().lineNumber()).isEqualTo(3);
        ProbeResult r = probe(f, "100.64.0.1", BACKEND, 8080);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(r.decidingLine().lineNumber()).isEqualTo(7);
        assertThat(f.summary()).contains("INPUT policy ACCEPT").contains("IPv6");
    }

    @Test
    void anIp6tablesOnlyDumpGivesNoIpv4Evidence() {
        String v6 = Fixtures.read("iptables/ipv4-then-ipv6.txt");
        IptablesFacts f = analyzer.analyze(v6.substring(v6.indexOf("# Generated by ip6tables-save")));
        assertThat(f.hasFilterTable()).isFalse();
        assertThat(f.simulate(ProbePacket.of("100.64.0.1", BACKEND, 80))).isEmpty();
        assertThat(f.summary()).contains("no *filter table").contains("IPv6");
        // without the header comment, an IPv6 address or ICMPv6 in a rule tells the table apart
        IptablesFacts bare = analyzer.analyze("*filter\n:INPUT DROP [0:0]\n-A INPUT -s fe80::/10 -j ACCEPT\nCOMMIT\n");
        assertThat(bare.hasFilterTable()).isFalse();
    }

    @Test
    void iptablesNftSaysWhenItCannotShowTheFilterTable() {
        IptablesFacts f = analyzer.analyze(Fixtures.read("iptables/nft-incompatible.txt"));
        assertThat(f.hasFilterTable()).isFalse();
        assertThat(f.nftIncompatibleTables()).containsExactly("filter");
        assertThat(f.writtenByIptablesNft()).isTrue();
        assertThat(f.summary()).contains("no *filter table").contains("nft list ruleset");
        IptablesFacts legacy = analyzer.analyze(Fixtures.read("iptables/policy-drop-ssh-only.txt"));
        assertThat(legacy.writtenByIptablesNft()).isFalse();
        assertThat(legacy.nftIncompatibleTables()).isEmpty();
        assertThat(analyzer.analyze(Fixtures.read("iptables/firewalld-nft-empty.txt")).writtenByIptablesNft()).isTrue();
    }
}
