package org.slbdoctor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.DiagnosisRepository;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.observation.ObservationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The benchmark data generator, small: 4 sandbox instances, 8 diagnoses, through the app's services. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:benchdata;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=true", "slbdoctor.sandbox.generated-instances=4",
        "slbdoctor.sandbox.generated-listeners=2", "slbdoctor.aliyun.rate-limit=0",
        "slbdoctor.bench.instances=4", "slbdoctor.bench.diagnoses=8", "slbdoctor.bench.exit=false"})
class BenchDataGeneratorTests {

    @Autowired SlbInstanceRepository instances;
    @Autowired DiagnosisRepository diagnoses;
    @Autowired DiagnosisService diagnosisService;
    @Autowired ObservationService observations;

    @Test
    void registersTheInstancesAndDiagnosesEachOfThemInTurn() {
        assertThat(instances.findAll()).extracting(SlbInstance::getLoadBalancerId)
                .containsExactlyInAnyOrder(BenchDataGenerator.instanceId(0), BenchDataGenerator.instanceId(1),
                        BenchDataGenerator.instanceId(2), BenchDataGenerator.instanceId(3));
        assertThat(instances.findAll()).allSatisfy(i -> {
            assertThat(i.getRegisteredBy()).isEqualTo("bench");
            assertThat(i.getName()).startsWith("fleet-"); // described by the SLB API at registration
            assertThat(diagnosisService.history(i.getLoadBalancerId(), 0, 50).total()).isEqualTo(2);
            assertThat(observations.current(i.getLoadBalancerId()).version()).isEqualTo(2);
        });
        assertThat(diagnoses.count()).isEqualTo(8);
        // profiles 0..4 for the first round: capacity, php-fpm, ICP (FAIL), capacity (WARN), header (WARN)
        Set<Status> verdicts = instances.findAll().stream().map(SlbInstance::getLastVerdict).collect(Collectors.toSet());
        assertThat(verdicts).contains(Status.FAIL, Status.WARN);
    }

    @Test
    void profilesCoverEveryKindOfVerdict() {
        assertThat(BenchDataGenerator.profile(0).backendCpuPercent()).isGreaterThanOrEqualTo(90.0);
        assertThat(BenchDataGenerator.profile(1).phpFpmRunning()).isFalse();
        assertThat(BenchDataGenerator.profile(6).domainIcpFiled()).isTrue();
        assertThat(BenchDataGenerator.profile(9)).isEqualTo(BenchDataGenerator.profile(19));
    }
}
