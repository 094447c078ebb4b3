package org.slbdoctor.instance;

import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slbdoctor.slb.SlbApiException;
import org.slbdoctor.slb.SlbClient;
import org.slbdoctor.slb.SlbLoadBalancers;
import org.slbdoctor.slb.SlbRegions;
import org.slbdoctor.slb.sandbox.SandboxInstance;
import org.slbdoctor.slb.sandbox.SandboxScenarios;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Import: lists every instance of a region (DescribeLoadBalancers, paged) and registers the chosen
 * ones in one go from that listing, reporting progress. In sandbox mode it also registers every demo
 * instance.
 */
@Service
public class InstanceImportService {

    /** One instance of a region's listing; {@code registered} when it is already in SLB Doctor. */
    public record LoadBalancerSummary(String loadBalancerId, String regionId, String name, String address,
            String addressType, String networkType, String status, boolean registered) {
    }

    /** Progress of an import: {@code done} of {@code total}, the instance just handled. */
    public record Progress(int done, int total, String loadBalancerId, Outcome outcome) {
    }

    public enum Outcome { IMPORTED, ALREADY_REGISTERED, NOT_FOUND, FAILED }

    /** One instance the import could not register, with the reason (an SLB code where there is one). */
    public record Failure(String loadBalancerId, String code, String message) {
    }

    public record Result(String regionId, List<InstanceJson> imported, List<String> alreadyRegistered,
            List<Failure> failed) {
    }

    static final int MAX_IMPORT = 1000;

    private final SlbClient client;
    private final SlbRegions regions;
    private final SlbInstanceRepository instances;
    private final InstanceRegistrationService registration;
    private final ObjectProvider<SandboxScenarios> sandbox;

    public InstanceImportService(SlbClient client, SlbRegions regions, SlbInstanceRepository instances,
            InstanceRegistrationService registration, ObjectProvider<SandboxScenarios> sandbox) {
        this.client = client;
        this.regions = regions;
        this.instances = instances;
        this.registration = registration;
        this.sandbox = sandbox;
    }

    public List<SlbRegions.Region> regions() {
        try {
            return regions.all();
        } catch (SlbApiException e) {
            throw InstanceProblem.fromApi(e);
        }
    }

    /** Every instance of the region, in the API's order. */
    public List<LoadBalancerSummary> list(String regionId) {
        InstanceRegistrationService.validate(regionId, "lb-placeholder");
        try {
            if (!regions.known(regionId)) {
                throw InstanceProblem.unknownRegion(regionId);
            }
            List<LoadBalancerSummary> all = new ArrayList<>();
            for (DescribeLoadBalancersResponse.LoadBalancer lb : SlbLoadBalancers.all(client, regionId)) {
                all.add(new LoadBalancerSummary(lb.getLoadBalancerId(), regionId, lb.getLoadBalancerName(),
                        lb.getAddress(), lb.getAddressType(), lb.getNetworkType(), lb.getLoadBalancerStatus(),
                        instances.existsByLoadBalancerId(lb.getLoadBalancerId())));
            }
            return all;
        } catch (SlbApiException e) {
            throw InstanceProblem.fromApi(e);
        }
    }

    /** Registers the chosen instances of a region from one listing of it. */
    public Result importInstances(String regionId, List<String> loadBalancerIds, String user, Consumer<Progress> progress) {
        Set<String> wanted = new LinkedHashSet<>(loadBalancerIds == null ? List.of() : loadBalancerIds);
        List<InstanceProblem.FieldProblem> errors = new ArrayList<>();
        if (wanted.isEmpty()) {
            errors.add(new InstanceProblem.FieldProblem("loadBalancerIds", "must list at least one instance"));
        } else if (wanted.size() > MAX_IMPORT) {
            errors.add(new InstanceProblem.FieldProblem("loadBalancerIds", "at most " + MAX_IMPORT + " at a time"));
        }
        for (String id : wanted) {
            if (id == null || !InstanceRegistrationService.LOAD_BALANCER_ID.matcher(id).matches()) {
                errors.add(new InstanceProblem.FieldProblem("loadBalancerIds", "not an SLB instance id: " + id));
            }
        }
        if (!errors.isEmpty()) {
            throw InstanceProblem.invalid(errors);
        }
        Map<String, LoadBalancerSummary> listing = new LinkedHashMap<>();
        list(regionId).forEach(s -> listing.put(s.loadBalancerId(), s));

        List<InstanceJson> imported = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        int done = 0;
        for (String id : wanted) {
            LoadBalancerSummary s = listing.get(id);
            Outcome outcome;
            if (s == null) {
                failed.add(new Failure(id, "InvalidLoadBalancerId.NotFound", "not among the instances of " + regionId));
                outcome = Outcome.NOT_FOUND;
            } else if (instances.existsByLoadBalancerId(id)) {
                already.add(id);
                outcome = Outcome.ALREADY_REGISTERED;
            } else {
                try {
                    imported.add(InstanceJson.of(registration.registerDescribed(regionId, id, s.name(), s.address(),
                            s.addressType(), s.networkType(), s.status(), user)));
                    outcome = Outcome.IMPORTED;
                } catch (InstanceProblem e) {
                    already.add(id);
                    outcome = Outcome.ALREADY_REGISTERED;
                }
            }
            done++;
            if (progress != null) {
                progress.accept(new Progress(done, wanted.size(), id, outcome));
            }
        }
        return new Result(regionId, imported, already, failed);
    }

    /** Sandbox mode: registers every demo scenario instance (not a generated fleet), region by region. */
    public List<Result> registerAllDemoInstances(String user, Consumer<Progress> progress) {
        SandboxScenarios scenarios = sandbox.getIfAvailable();
        if (scenarios == null) {
            throw new IllegalStateException("not in sandbox mode");
        }
        Map<String, List<String>> byRegion = new LinkedHashMap<>();
        for (SandboxInstance i : scenarios.scenarioInstances()) {
            byRegion.computeIfAbsent(i.region(), r -> new ArrayList<>()).add(i.id());
        }
        List<Result> results = new ArrayList<>();
        byRegion.forEach((region, ids) -> results.add(importInstances(region, ids, user, progress)));
        return results;
    }

    public boolean sandboxMode() {
        return sandbox.getIfAvailable() != null;
    }
}
