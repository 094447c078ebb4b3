package org.slbdoctor.observation;

import java.time.Clock;
import java.time.Instant;
import org.slbdoctor.instance.InstanceProblem;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces an instance's observations; every replacement is a new version. */
@Service
public class ObservationService {

    private final ObservationSetRepository sets;
    private final SlbInstanceRepository instances;
    private final Clock clock;

    public ObservationService(ObservationSetRepository sets, SlbInstanceRepository instances) {
        this.sets = sets;
        this.instances = instances;
        this.clock = Clock.systemUTC();
    }

    /** The current observations of a registered instance (by its database id), for a diagnosis to use and record. */
    @Transactional(readOnly = true)
    public CurrentObservations current(long instanceId) {
        return sets.findFirstByInstanceIdOrderByVersionDesc(instanceId).map(ObservationService::toCurrent)
                .orElse(CurrentObservations.NONE);
    }

    /** The current observations by load balancer id; 404 when the instance is not registered. */
    @Transactional(readOnly = true)
    public CurrentObservations current(String loadBalancerId) {
        return current(instance(loadBalancerId).getId());
    }

    /** One stored version, e.g. the one a past diagnosis used. */
    @Transactional(readOnly = true)
    public java.util.Optional<CurrentObservations> version(long instanceId, int version) {
        return sets.findByInstanceIdAndVersion(instanceId, version).map(ObservationService::toCurrent);
    }

    /** Replaces the observations: stores them as the next version. */
    @Transactional
    public CurrentObservations replace(String loadBalancerId, Observations observations, String user) {
        SlbInstance instance = instance(loadBalancerId);
        int next = sets.findFirstByInstanceIdOrderByVersionDesc(instance.getId()).map(s -> s.getVersion() + 1)
                .orElse(1);
        ObservationSet saved = sets.saveAndFlush(new ObservationSet(instance.getId(), next,
                ObservationsJson.canonical(observations), user, Instant.now(clock)));
        return toCurrent(saved);
    }

    private SlbInstance instance(String loadBalancerId) {
        return instances.findByLoadBalancerId(loadBalancerId).orElseThrow(() -> InstanceProblem.notFound(loadBalancerId));
    }

    private static CurrentObservations toCurrent(ObservationSet set) {
        return new CurrentObservations(ObservationsJson.fromCanonical(set.getJson()), set.getVersion(),
                set.getCreatedAt(), set.getCreatedBy());
    }
}
