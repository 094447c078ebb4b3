package org.slbdoctor.artifact.sysctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slbdoctor.artifact.Fixtures;

class SysctlAnalyzerTests {

    private final SysctlAnalyzer analyzer = new SysctlAnalyzer();

    @Test
    void readsSysctlDashAOutputAndIgnoresThePrompt() {
        SysctlFacts f = analyzer.analyze(Fixtures.read("sysctl/sysctl-a-rp-filter-on.txt"));
        Map<String, RpFilterValue> rp = f.rpFilterValues();
        assertThat(rp.keySet()).containsExactly("all", "default", "eth0", "lo", "docker0");
        assertThat(rp.get("all").value()).isEqualTo(1);
        assertThat(rp.get("all").entry().lineNumber()).isEqualTo(2);
        assertThat(rp.get("all").entry().line().text()).isEqualTo("net.ipv4.conf.all.rp_filter = 1");
        assertThat(rp.get("lo").disabled()).isTrue();
        assertThat(f.effective("net.ipv4.ip_forward")).get().extracting(SysctlEntry::value).isEqualTo("1");
        assertThat(f.entries()).hasSize(6);
    }

    @Test
    void laterLinesWinInSysctlConfAndCommentsAreSkipped() {
        SysctlFacts f = analyzer.analyze(Fixtures.read("sysctl/sysctl-conf-fixed.conf"));
        Map<String, RpFilterValue> rp = f.rpFilterValues();
        assertThat(rp.get("all").value()).isZero();
        assertThat(rp.get("all").entry().line().text()).isEqualTo("net.ipv4.conf.all.rp_filter=0");
        assertThat(rp.get("default").value()).isZero();
        assertThat(rp.get("default").entry().lineNumber()).isEqualTo(24);
        assertThat(rp.get("eth0").value()).isZero();
        // both earlier "= 1" lines are kept in entries, overridden in effective()
        assertThat(f.entries().stream().filter(e -> e.key().equals("net.ipv4.conf.all.rp_filter"))).hasSize(2);
        assertThat(f.entries()).noneMatch(e -> e.key().startsWith("#") || e.key().startsWith(";"));
        assertThat(f.summary()).contains("3 rp_filter values").contains("net.ipv4.conf.all.rp_filter = 0 (line 25)");
    }

    @Test
    void crlfEmptyAndProse() {
        SysctlFacts crlf = analyzer.analyze(Fixtures.read("sysctl/crlf.conf"));
        assertThat(crlf.rpFilterValues().get("default").entry().value()).isEqualTo("0");
        assertThat(crlf.rpFilterValues().get("default").entry().line().text()).doesNotContain("\r");
        assertThat(analyzer.analyze("").entries()).isEmpty();
        SysctlFacts prose = analyzer.analyze("""
                $ sysctl -a
                Note: the value x = 1 below was set by ops.
                sysctl: permission denied on key 'fs.protected_hardlinks'
                [root@web-1 ~]# sysctl -w net.ipv4.conf.all.rp_filter=0
                foo=bar
                """);
        assertThat(prose.entries()).isEmpty();
    }

    @Test
    void slashFormKeysIgnoreErrorsMarkerAndVlanInterfaces() {
        SysctlFacts f = analyzer.analyze("""
                net/ipv4/conf/eth0.100/rp_filter = 2
                -net.ipv4.conf.default.rp_filter = 0
                net.ipv4.conf.all.rp_filter = loose
                net.ipv4.tcp_rmem = 4096\t131072\t6291456
                """);
        assertThat(f.rpFilterValues().get("eth0.100").value()).isEqualTo(2);
        assertThat(f.rpFilterValues().get("default").value()).isZero();
        assertThat(f.rpFilterValues().get("all").value()).isNull();
        assertThat(f.rpFilterValues().get("all").disabled()).isFalse();
        assertThat(f.effective("net.ipv4.tcp_rmem")).get().extracting(SysctlEntry::value)
                .isEqualTo("4096\t131072\t6291456");
    }

    @Test
    void hugeLineDoesNotHideTheNextOne() {
        SysctlFacts f = analyzer.analyze("x".repeat(1_000_000) + "\nnet.ipv4.conf.all.rp_filter = 0\n");
        assertThat(f.rpFilterValues().get("all").entry().lineNumber()).isEqualTo(2);
    }
}
