package org.slbdoctor.web;

import java.time.Instant;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.instance.SlbInstance;

/**
 * What the dashboard shows of one instance. A value: two pages whose rows are equal render the same
 * table, which is what lets {@link RenderedFragments} keep the table's HTML.
 */
public record DashboardRow(String loadBalancerId, String name, String regionId, String address, Status lastVerdict,
        int failCount, int warnCount, int unknownCount, Instant lastDiagnosisAt) {

    static DashboardRow of(SlbInstance i) {
        return new DashboardRow(i.getLoadBalancerId(), i.getName(), i.getRegionId(), i.getAddress(), i.getLastVerdict(),
                i.getFailCount(), i.getWarnCount(), i.getUnknownCount(), i.getLastDiagnosisAt());
    }
}
