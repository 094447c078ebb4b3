package org.slbdoctor.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.DiagnosisRecord;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.instance.InstanceRegistrationService;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.observation.ObservationService;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.sandbox.SandboxFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Fills the database for benchmarks the way an operator would: registers generated sandbox instances
 * through {@link InstanceRegistrationService} (one DescribeLoadBalancerAttribute each), records
 * observations through {@link ObservationService}, and runs {@link DiagnosisService} (the SDK against
 * the sandbox, the checklist, the store) {@code diagnoses / instances} times per instance. The
 * observations change between runs along ten profiles, so verdicts are a realistic mix (FAIL, WARN,
 * UNKNOWN, PASS) and histories change over time. Re-runnable: registered instances are kept.
 *
 * <p>Switch off the client rate limit while generating ({@code slbdoctor.aliyun.rate-limit=0}): at the
 * default 20 calls/s, 10,000 diagnoses of 4 calls take over half an hour.
 */
@Component
@ConditionalOnProperty("slbdoctor.bench.instances")
@ConditionalOnBooleanProperty("slbdoctor.sandbox.enabled")
@EnableConfigurationProperties(BenchDataProperties.class)
class BenchDataGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchDataGenerator.class);
    static final String USER = "bench";
    static final String REGION = "cn-hangzhou";

    private final BenchDataProperties settings;
    private final InstanceRegistrationService registration;
    private final SlbInstanceRepository instances;
    private final ObservationService observations;
    private final DiagnosisService diagnoses;
    private final SandboxFaults faults;
    private final ApplicationContext context;

    BenchDataGenerator(BenchDataProperties settings, InstanceRegistrationService registration,
            SlbInstanceRepository instances, ObservationService observations, DiagnosisService diagnoses,
            SandboxFaults faults, ApplicationContext context) {
        this.settings = settings;
        this.registration = registration;
        this.instances = instances;
        this.observations = observations;
        this.diagnoses = diagnoses;
        this.faults = faults;
        this.context = context;
    }

    /** Generated sandbox instance number {@code i} (see {@code SandboxScenarios.addFleet}). */
    static String instanceId(int i) {
        return String.format("lb-bp1gen%014d", i);
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        long started = System.nanoTime();
        int registered = register();
        long registeredAt = System.nanoTime();
        int[] verdicts = diagnose();
        long end = System.nanoTime();
        log.info("bench data: {} instances registered in {} ms; {} diagnoses in {} ms ({} FAIL, {} WARN, {} UNKNOWN, "
                        + "{} PASS, {} N/A, {} failed runs)",
                registered, (registeredAt - started) / 1_000_000, settings.diagnoses(), (end - registeredAt) / 1_000_000,
                verdicts[Status.FAIL.ordinal()], verdicts[Status.WARN.ordinal()], verdicts[Status.UNKNOWN.ordinal()],
                verdicts[Status.PASS.ordinal()], verdicts[Status.NOT_APPLICABLE.ordinal()], verdicts[Status.values().length]);
        if (settings.exit()) {
            System.exit(SpringApplication.exit(context, () -> verdicts[Status.values().length] == 0 ? 0 : 1));
        }
    }

    private int register() {
        int count = 0;
        for (int i = 0; i < settings.instances(); i++) {
            String id = instanceId(i);
            if (!instances.existsByLoadBalancerId(id)) {
                registration.register(REGION, id, USER);
                count++;
            }
        }
        return count;
    }

    /** @return diagnoses per verdict (by ordinal) and, last, the runs that failed */
    private int[] diagnose() throws InterruptedException {
        int n = settings.instances();
        int total = settings.diagnoses();
        int[] counts = new int[Status.values().length + 1];
        if (n == 0 || total == 0) {
            return counts;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int w = 0; w < settings.concurrency(); w++) {
                workers.add(pool.submit(() -> {
                    // run j of every instance before run j+1 of any: each instance's history grows in step
                    for (int k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                        int instance = k % n;
                        int run = k / n;
                        String id = instanceId(instance);
                        try {
                            observations.replace(id, profile(instance + run), USER);
                            DiagnosisRecord record = diagnoses.run(id, USER);
                            synchronized (counts) {
                                counts[record.verdict().ordinal()]++;
                            }
                        } catch (RuntimeException e) {
                            log.warn("bench data: diagnosis of {} failed: {}", id, e.toString());
                            synchronized (counts) {
                                counts[counts.length - 1]++;
                            }
                        }
                        int done = finished.incrementAndGet();
                        if (done % 500 == 0) {
                            // the sandbox logs every call it receives; benchmarks do not need them
                            faults.resetCalls();
                            log.info("bench data: {} of {} diagnoses", done, total);
                        }
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return counts;
    }

    /**
     * Ten observation profiles an operator might record: three causes confirmed (FAIL), three risks
     * (WARN), two instances checked and fine, two where nothing is known yet (UNKNOWN).
     */
    static Observations profile(int k) {
        Observations.Builder b = Observations.builder();
        switch (Math.floorMod(k, 10)) {
            case 0 -> b.backendCpuPercent(96.0).backendBandwidthPercent(40.0).observedStatusCodes(List.of(502, 504));
            case 1 -> b.phpFpmRunning(false).observedStatusCodes(List.of(502)).notes("php-fpm found stopped on web-2");
            case 2 -> b.domainIcpFiled(false).observedStatusCodes(List.of(502));
            case 3 -> b.backendCpuPercent(84.0).backendBandwidthPercent(35.0);
            case 4 -> b.requestHeaderBytes(28_000L).observedStatusCodes(List.of(502));
            case 5 -> b.appMaxResponseSeconds(52.0).observedStatusCodes(List.of(504));
            case 6, 7 -> healthy(b);
            default -> b.notes(null);
        }
        return b.build();
    }

    private static void healthy(Observations.Builder b) {
        b.domainIcpFiled(true).behindAntiDdosOrWaf(false).scope(Observations.Scope.ALL_CLIENTS)
                .reproducesFromOtherProvider(true).securitySoftwareOnBackend(false).rpFilter(Map.of("all", 0))
                .backendCpuPercent(35.0).backendBandwidthPercent(20.0).appMaxResponseSeconds(1.5).phpFpmRunning(true)
                .requestHeaderBytes(2_000L).backendCallsSlbAddress(false);
    }
}
