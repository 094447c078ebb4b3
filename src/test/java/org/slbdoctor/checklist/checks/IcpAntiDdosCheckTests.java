package org.slbdoctor.checklist.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;

class IcpAntiDdosCheckTests {

    private final IcpAntiDdosCheck check = new IcpAntiDdosCheck();

    @Test
    void icpIsRequiredInMainlandChinaOnly() {
        assertThat(IcpAntiDdosCheck.icpRequired("cn-hangzhou")).isTrue();
        assertThat(IcpAntiDdosCheck.icpRequired("cn-shanghai-finance-1")).isTrue();
        assertThat(IcpAntiDdosCheck.icpRequired("cn-hongkong")).isFalse();
        assertThat(IcpAntiDdosCheck.icpRequired("ap-southeast-1")).isFalse();
        assertThat(IcpAntiDdosCheck.icpRequired("eu-central-1")).isFalse();
    }

    @Test
    void failsWhenAMainlandDomainIsNotFiled() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().domainIcpFiled(false)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("cn-hangzhou").contains("domainIcpFiled = false");
        assertThat(f.evidence()).extracting(e -> e.text()).contains("domainIcpFiled = false");
    }

    @Test
    void unfiledDomainOutsideMainlandIsNoProblem() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().region("cn-hongkong")
                .with(observed().domainIcpFiled(false).behindAntiDdosOrWaf(false)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.summary()).contains("cn-hongkong needs no ICP filing");
    }

    @Test
    void failsBehindAntiDdosWithoutForwardingRule() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().region("ap-southeast-1")
                .with(observed().behindAntiDdosOrWaf(true).antiDdosForwardingRuleConfigured(false)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("antiDdosForwardingRuleConfigured = false");
    }

    @Test
    void passesWhenFiledAndForwarded() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().domainIcpFiled(true).behindAntiDdosOrWaf(true).antiDdosForwardingRuleConfigured(true)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.missing()).isEmpty();
    }

    @Test
    void unknownNamesTheMissingObservations() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("observation:domainIcpFiled", "observation:behindAntiDdosOrWaf",
                "observation:antiDdosForwardingRuleConfigured");

        Finding onlyFiling = check.evaluate(TestSnapshots.healthyWeb().with(observed().behindAntiDdosOrWaf(false)));
        assertThat(onlyFiling.missing()).containsExactly("observation:domainIcpFiled");
    }

    @Test
    void needsNoApiDataAtAll() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().failed("DescribeLoadBalancerAttribute", "InternalError")
                .failed("DescribeLoadBalancerListeners", "InternalError")
                .with(observed().domainIcpFiled(true).behindAntiDdosOrWaf(false)));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void unknownNamesOnlyTheObservationsThatAreNotKnown() {
        // outside mainland China, with the forwarding rule known to be absent, only whether the
        // instance is behind Anti-DDoS Pro / WAF decides: false passes, true fails
        Finding f = check.evaluate(TestSnapshots.healthyWeb().region("ap-southeast-1")
                .with(observed().antiDdosForwardingRuleConfigured(false)));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("observation:behindAntiDdosOrWaf");
        assertThat(f.summary()).contains("behindAntiDdosOrWaf").doesNotContain("record behindAntiDdosOrWaf, antiDdos");
    }
}
