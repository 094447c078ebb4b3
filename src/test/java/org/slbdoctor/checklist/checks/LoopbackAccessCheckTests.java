package org.slbdoctor.checklist.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import org.junit.jupiter.api.Test;
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
}
