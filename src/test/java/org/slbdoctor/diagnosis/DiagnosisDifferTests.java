package org.slbdoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.SlbSnapshot;

class DiagnosisDifferTests {

    private static DiagnosisRecord record(long id, Instant at, SlbSnapshot snapshot, String checkId, Status status) {
        var findings = Fixtures.findings(checkId, status);
        return new DiagnosisRecord(id, Fixtures.LB, "cn-hangzhou", at, "op", Status.worst(findings.stream()
                .map(f -> f.status()).toList()), snapshot.complete(), snapshot.calls().size(), 1, List.of(), findings,
                snapshot, Observations.NONE, List.of());
    }

    @Test
    void reportsStatusHealthListenerAndBackendChangesFromOlderToNewer() {
        var old = record(1, Instant.parse("2026-11-23T10:00:00Z"),
                Fixtures.snapshot("abnormal", Fixtures.http(80, "running", "off", 60), Fixtures.tcp(443)),
                "health-check", Status.FAIL);
        var now = record(2, Instant.parse("2026-11-23T11:00:00Z"),
                Fixtures.snapshot("normal", Fixtures.http(80, "running", "on", 120), Fixtures.http(8080, "stopped", "on", 60)),
                "health-check", Status.PASS);

        // asked newest first: still reported from the older to the newer
        DiagnosisDiff diff = DiagnosisDiffer.diff(now, old);

        assertThat(diff.before().id()).isEqualTo(1);
        assertThat(diff.after().id()).isEqualTo(2);
        assertThat(diff.statusChanges()).singleElement().satisfies(c -> {
            assertThat(c.checkId()).isEqualTo("health-check");
            assertThat(c.before()).isEqualTo(Status.FAIL);
            assertThat(c.after()).isEqualTo(Status.PASS);
        });
        assertThat(diff.addedListeners()).containsExactly("8080/http");
        assertThat(diff.removedListeners()).containsExactly("443/tcp");
        assertThat(diff.listenerChanges()).extracting(c -> c.field() + ":" + c.before() + "->" + c.after())
                .containsExactly("HealthCheck:off->on", "RequestTimeout:60->120");
        assertThat(diff.healthChanges()).singleElement().satisfies(h -> {
            assertThat(h.listener()).isEqualTo("80/http");
            assertThat(h.serverId()).isEqualTo("i-bp1aaa");
            assertThat(h.before()).isEqualTo("abnormal");
            assertThat(h.after()).isEqualTo("normal");
        });
        assertThat(diff.notComparable()).isEmpty();
        assertThat(diff.empty()).isFalse();
    }

    @Test
    void aFailedCallMakesItsPartNotComparableInsteadOfUnchanged() {
        var a = record(1, Instant.parse("2026-11-23T10:00:00Z"), Fixtures.healthFailed(), "web-app", Status.PASS);
        var b = record(2, Instant.parse("2026-11-23T11:00:00Z"),
                Fixtures.snapshot("normal", Fixtures.http(80, "running", "on", 60)), "web-app", Status.PASS);
        DiagnosisDiff diff = DiagnosisDiffer.diff(a, b);
        assertThat(diff.notComparable()).containsExactly("health");
        assertThat(diff.healthChanges()).isEmpty();
        assertThat(diff.empty()).isTrue();
    }

    @Test
    void backendsAddedAndRemovedPerListener() {
        var a = record(1, Instant.parse("2026-11-23T10:00:00Z"),
                Fixtures.snapshot("normal", Fixtures.http(80, "running", "on", 60)), "web-app", Status.PASS);
        SlbSnapshot s = Fixtures.snapshot("normal", Fixtures.http(80, "running", "on", 60));
        var attrs = Fixtures.attributes();
        var fewer = new org.slbdoctor.slb.InstanceAttributes(attrs.loadBalancerId(), attrs.name(), attrs.status(),
                attrs.address(), attrs.addressType(), attrs.networkType(), attrs.regionId(), attrs.loadBalancerSpec(),
                attrs.listenerPorts(), attrs.defaultServerGroup().subList(0, 1));
        var b = record(2, Instant.parse("2026-11-23T11:00:00Z"), new SlbSnapshot(s.regionId(), s.loadBalancerId(),
                s.collectedAt(), fewer, s.listeners(), s.health(), s.vServerGroups(), s.rules(), s.calls(), s.errors()),
                "web-app", Status.PASS);
        DiagnosisDiff diff = DiagnosisDiffer.diff(a, b);
        assertThat(diff.removedBackends()).singleElement().satisfies(r -> {
            assertThat(r.serverId()).isEqualTo("i-bp1bbb");
            assertThat(r.listener()).isEqualTo("80/http");
            assertThat(r.port()).isEqualTo(80);
        });
        assertThat(diff.addedBackends()).isEmpty();
    }
}
