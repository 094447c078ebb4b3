package org.slbdoctor.instance;

import java.time.Instant;
import org.slbdoctor.checklist.Status;

/** An instance as the REST API shows it (API.md); {@code lastDiagnosis} is null before the first diagnosis. */
public record InstanceJson(String loadBalancerId, String regionId, String name, String address, String addressType,
        String networkType, String status, Instant registeredAt, LastDiagnosis lastDiagnosis) {

    public record LastDiagnosis(long id, Instant createdAt, Status verdict) {
    }

    public static InstanceJson of(SlbInstance i) {
        LastDiagnosis last = i.getLastDiagnosisId() == null ? null
                : new LastDiagnosis(i.getLastDiagnosisId(), i.getLastDiagnosisAt(), i.getLastVerdict());
        return new InstanceJson(i.getLoadBalancerId(), i.getRegionId(), i.getName(), i.getAddress(), i.getAddressType(),
                i.getNetworkType(), i.getStatus(), i.getRegisteredAt(), last);
    }
}
