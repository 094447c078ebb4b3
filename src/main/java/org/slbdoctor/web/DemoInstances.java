package org.slbdoctor.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slbdoctor.instance.InstanceChanges;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.slb.sandbox.SandboxInstance;
import org.slbdoctor.slb.sandbox.SandboxScenarios;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode: the demo instances (one per failure scenario of the guide, not a generated fleet)
 * and which of them are registered, for the dashboard's demo panel. Absent outside sandbox mode.
 */
@Component
public class DemoInstances {

    /** The panel's model; {@code instances} in the sandbox's order. */
    public record Panel(List<Row> instances) {

        public boolean anyUnregistered() {
            return instances.stream().anyMatch(r -> !r.registered());
        }
    }

    public record Row(String loadBalancerId, String regionId, String name, boolean registered) {
    }

    private final ObjectProvider<SandboxScenarios> sandbox;
    private final SlbInstanceRepository instances;
    // asked on every dashboard request; the answer changes only with the instance table
    private final VersionedCache<Boolean, Panel> panels;

    DemoInstances(ObjectProvider<SandboxScenarios> sandbox, SlbInstanceRepository instances, InstanceChanges changes) {
        this.sandbox = sandbox;
        this.instances = instances;
        this.panels = new VersionedCache<>(changes::version, DashboardData.MAX_AGE, 1);
    }

    /** @return null outside sandbox mode or when every demo instance is registered already */
    Panel panel() {
        return panels.get(Boolean.TRUE, this::load);
    }

    private Panel load() {
        SandboxScenarios scenarios = sandbox.getIfAvailable();
        if (scenarios == null) {
            return null;
        }
        List<SandboxInstance> demo = List.copyOf(scenarios.scenarioInstances());
        if (demo.isEmpty()) {
            return null;
        }
        Set<String> registered = new HashSet<>(instances.findRegisteredIds(demo.stream().map(SandboxInstance::id).toList()));
        Panel panel = new Panel(demo.stream()
                .map(i -> new Row(i.id(), i.region(), i.name(), registered.contains(i.id()))).toList());
        return panel.anyUnregistered() ? panel : null;
    }
}
