package org.slbdoctor.checklist.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;

class BackendCapacityCheckTests {

    private final BackendCapacityCheck check = new BackendCapacityCheck();

    @Test
    void failsAtNinetyPercent() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().backendCpuPercent(90.0)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("CPU 90%");
        Finding bw = check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().backendCpuPercent(20.0).backendBandwidthPercent(97.5)));
        assertThat(bw.status()).isEqualTo(Status.FAIL);
        assertThat(bw.summary()).contains("bandwidth 97.5%");
    }

    @Test
    void warnsAtEightyPercent() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().backendBandwidthPercent(80.0)));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(check.evaluate(TestSnapshots.healthyWeb().with(observed().backendCpuPercent(89.9))).status())
                .isEqualTo(Status.WARN);
    }

    @Test
    void passesWhenOneIsKnownAndLow() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().backendCpuPercent(35.0)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.summary()).contains("CPU 35%");
    }

    @Test
    void unknownWithoutMeasurements() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().bare());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("observation:backendCpuPercent", "observation:backendBandwidthPercent");
    }
}
