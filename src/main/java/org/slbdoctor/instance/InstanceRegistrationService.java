package org.slbdoctor.instance;

import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slbdoctor.slb.SlbApiException;
import org.slbdoctor.slb.SlbClient;
import org.slbdoctor.slb.SlbRegions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Registers an SLB instance by region and id after the SLB API confirmed it exists. Nothing is
 * stored when any check fails.
 */
@Service
public class InstanceRegistrationService {

    /**
     * Real ids are {@code lb-} + 21–24 lowercase alphanumerics; slack for other formats: 6–60 characters,
     * inner single hyphens allowed ({@code lb-test-healthy-01}), as other tools and fixtures name them.
     */
    static final Pattern LOAD_BALANCER_ID = Pattern.compile("^lb-(?=[a-z0-9-]{6,60}$)[a-z0-9]+(-[a-z0-9]+)*$");
    static final Pattern REGION_ID = Pattern.compile("^[a-z]{2,}(-[a-z0-9]+)+$");

    private final SlbInstanceRepository instances;
    private final SlbClient client;
    private final SlbRegions regions;
    private final Clock clock;

    public InstanceRegistrationService(SlbInstanceRepository instances, SlbClient client, SlbRegions regions,
            ObjectProvider<Clock> clock) {
        this.instances = instances;
        this.client = client;
        this.regions = regions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Validates, checks for a duplicate, asks the SLB API (region known, instance exists) and stores.
     *
     * @throws InstanceProblem 400 malformed, 409 duplicate, 422 unknown region or instance, 502 API failure
     */
    public SlbInstance register(String regionId, String loadBalancerId, String registeredBy) {
        validate(regionId, loadBalancerId);
        if (instances.existsByLoadBalancerId(loadBalancerId)) {
            throw InstanceProblem.alreadyRegistered(loadBalancerId);
        }
        DescribeLoadBalancerAttributeResponse attributes;
        try {
            if (!regions.known(regionId)) {
                throw InstanceProblem.unknownRegion(regionId);
            }
            DescribeLoadBalancerAttributeRequest request = new DescribeLoadBalancerAttributeRequest();
            request.setLoadBalancerId(loadBalancerId);
            attributes = client.call(regionId, request).response();
        } catch (SlbApiException e) {
            throw InstanceProblem.fromApi(e);
        }
        SlbInstance instance = new SlbInstance(loadBalancerId, regionId, now(), registeredBy);
        instance.describedAs(attributes.getLoadBalancerName(), attributes.getAddress(), attributes.getAddressType(),
                attributes.getNetworkType(), attributes.getLoadBalancerStatus());
        return save(instance);
    }

    /** Stores an instance described by a listing (import): no further API call. */
    SlbInstance registerDescribed(String regionId, String loadBalancerId, String name, String address,
            String addressType, String networkType, String status, String registeredBy) {
        SlbInstance instance = new SlbInstance(loadBalancerId, regionId, now(), registeredBy);
        instance.describedAs(name, address, addressType, networkType, status);
        return save(instance);
    }

    /**
     * Milliseconds: the answer to the registration shows the same registeredAt as every later read (the
     * clock's nanoseconds would not survive the database, which keeps microseconds at most).
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private SlbInstance save(SlbInstance instance) {
        try {
            return instances.save(instance);
        } catch (DataIntegrityViolationException e) {
            // registered concurrently between the check and the insert
            throw InstanceProblem.alreadyRegistered(instance.getLoadBalancerId());
        }
    }

    static void validate(String regionId, String loadBalancerId) {
        List<InstanceProblem.FieldProblem> errors = problems(regionId, loadBalancerId);
        if (!errors.isEmpty()) {
            throw InstanceProblem.invalid(errors);
        }
    }

    /** What is wrong with the two values, regionId first; empty when both are well-formed. */
    static List<InstanceProblem.FieldProblem> problems(String regionId, String loadBalancerId) {
        List<InstanceProblem.FieldProblem> errors = new ArrayList<>();
        if (regionId == null || regionId.isBlank()) {
            errors.add(new InstanceProblem.FieldProblem("regionId", "must not be blank"));
        } else if (!REGION_ID.matcher(regionId).matches()) {
            errors.add(new InstanceProblem.FieldProblem("regionId", "must be a region id such as cn-hangzhou"));
        }
        if (loadBalancerId == null || loadBalancerId.isBlank()) {
            errors.add(new InstanceProblem.FieldProblem("loadBalancerId", "must not be blank"));
        } else if (!LOAD_BALANCER_ID.matcher(loadBalancerId).matches()) {
            errors.add(new InstanceProblem.FieldProblem("loadBalancerId",
                    "must be an SLB instance id such as lb-bp1o94dp5i6ea9ktd2a1k"));
        }
        return errors;
    }
}
