package org.slbdoctor.web;

import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.instance.InstanceImportService;
import org.slbdoctor.instance.InstanceJson;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code ./mvnw spring-boot:run} opens on something to look at: with
 * {@code slbdoctor.sandbox.demo-on-start=true} (set by the Maven plugin's run configuration, off
 * everywhere else) and the sandbox on, a start with no instance registered registers every demo
 * instance through the (sandbox) SLB API and diagnoses each once, exactly as an operator's clicks
 * would. A database that holds any instance is left alone, so nothing is re-added after a restart.
 */
@Component
class DemoStart {

    static final String USER = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoStart.class);

    private final boolean enabled;
    private final InstanceImportService importer;
    private final SlbInstanceRepository instances;
    private final DiagnosisService diagnoses;

    DemoStart(@Value("${slbdoctor.sandbox.demo-on-start:false}") boolean enabled, InstanceImportService importer,
            SlbInstanceRepository instances, DiagnosisService diagnoses) {
        this.enabled = enabled;
        this.importer = importer;
        this.instances = instances;
        this.diagnoses = diagnoses;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerAndDiagnose() {
        if (!enabled || !importer.sandboxMode() || instances.count() > 0) {
            return;
        }
        long started = System.nanoTime();
        int registered = 0;
        int diagnosed = 0;
        try {
            for (InstanceImportService.Result result : importer.registerAllDemoInstances(USER, null)) {
                for (InstanceJson instance : result.imported()) {
                    registered++;
                    try {
                        diagnoses.run(instance.loadBalancerId(), USER);
                        diagnosed++;
                    } catch (RuntimeException e) {
                        log.warn("Sandbox demo: diagnosing {} failed: {}", instance.loadBalancerId(), e.toString());
                    }
                }
            }
        } catch (RuntimeException e) {
            // a demo convenience: the dashboard's "register all demo instances" button remains
            log.warn("Sandbox demo: registering the demo instances failed: {}", e.toString());
        }
        log.info("Sandbox demo: registered {} demo instances and diagnosed {} in {} ms", registered, diagnosed,
                (System.nanoTime() - started) / 1_000_000);
    }
}
