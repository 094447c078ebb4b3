package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.slb.sandbox.SandboxInstance;
import org.slbdoctor.slb.sandbox.SandboxScenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What {@code ./mvnw spring-boot:run} starts with: every demo instance registered and diagnosed once. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-start;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=true",
        "slbdoctor.sandbox.demo-on-start=true",
        "slbdoctor.admin.password=demo-start-password"})
class DemoStartTests {

    @Autowired
    SlbInstanceRepository instances;

    @Autowired
    SandboxScenarios scenarios;

    @Autowired
    DemoStart start;

    @Test
    void aFirstStartRegistersAndDiagnosesEveryDemoInstanceThroughTheSandbox() {
        List<String> demo = scenarios.scenarioInstances().stream().map(SandboxInstance::id).toList();
        List<SlbInstance> registered = instances.findAll();
        assertThat(registered).extracting(SlbInstance::getLoadBalancerId).containsExactlyInAnyOrderElementsOf(demo);
        assertThat(registered).allSatisfy(i -> {
            assertThat(i.getLastDiagnosisId()).as(i.getLoadBalancerId() + " diagnosed").isNotNull();
            assertThat(i.getLastVerdict()).isNotNull();
        });
        // the healthy scenario and the failing ones differ: the verdicts come from real runs
        assertThat(registered).extracting(SlbInstance::getLastVerdict).contains(org.slbdoctor.checklist.Status.FAIL)
                .hasSizeGreaterThan(1);

        // a start on a database that holds instances adds nothing
        long diagnosed = registered.stream().mapToLong(SlbInstance::getLastDiagnosisId).max().orElseThrow();
        start.registerAndDiagnose();
        assertThat(instances.findAll()).hasSameSizeAs(registered)
                .allSatisfy(i -> assertThat(i.getLastDiagnosisId()).isLessThanOrEqualTo(diagnosed));
    }
}
