package org.slbdoctor.diagnosis;

import java.time.Instant;
import java.util.List;
import org.slbdoctor.slb.BackendHealth;
import org.slbdoctor.slb.CollectionError;
import org.slbdoctor.slb.ForwardingRule;
import org.slbdoctor.slb.InstanceAttributes;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;
import org.slbdoctor.slb.VServerGroup;

/**
 * The SLB state of an instance's latest diagnosis as the instance JSON shows it: the parsed parts
 * without the raw API responses (those stay in the diagnosis record). A part is null when its call
 * failed in that run.
 */
public record LatestSnapshot(long diagnosisId, Instant collectedAt, boolean complete, InstanceAttributes instance,
        List<Listener> listeners, List<BackendHealth> health, List<VServerGroup> vServerGroups,
        List<ForwardingRule> rules, List<CollectionError> errors) {

    static LatestSnapshot of(long diagnosisId, SlbSnapshot s) {
        return new LatestSnapshot(diagnosisId, s.collectedAt(), s.complete(), s.instance(), s.listeners(), s.health(),
                s.vServerGroups(), s.rules(), s.errors());
    }
}
