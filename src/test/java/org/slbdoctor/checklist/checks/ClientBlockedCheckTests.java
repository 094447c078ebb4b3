package org.slbdoctor.checklist.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;
import org.slbdoctor.observation.Observations.Scope;

class ClientBlockedCheckTests {

    private final ClientBlockedCheck check = new ClientBlockedCheck();

    @Test
    void failsWhenOnlySomeClientsFailAndOtherProvidersWork() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().scope(Scope.SOME_CLIENTS).reproducesFromOtherProvider(false)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("SOME_CLIENTS").contains("packet capture");
    }

    @Test
    void passesWhenAllClientsFail() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().scope(Scope.ALL_CLIENTS)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.summary()).contains("ALL_CLIENTS");
    }

    @Test
    void passesWhenOtherProvidersReproduce() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().scope(Scope.SOME_CLIENTS).reproducesFromOtherProvider(true)));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void unknownNamesWhatIsMissing() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().scope(Scope.SOME_CLIENTS)));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("observation:reproducesFromOtherProvider");
        assertThat(check.evaluate(TestSnapshots.healthyWeb().bare()).missing())
                .containsExactly("observation:scope", "observation:reproducesFromOtherProvider");
    }
}
