package org.slbdoctor.web.instance;

import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.report.DiagnosisReport;

/**
 * The header of the instance pages: what the SLB API said about the instance, as of the diagnosis
 * shown (or as registered, before the first diagnosis).
 */
public record InstanceHeader(String loadBalancerId, String name, String regionId, String address, String addressType,
        String networkType, String status) {

    static InstanceHeader of(SlbInstance i) {
        return new InstanceHeader(i.getLoadBalancerId(), i.getName(), i.getRegionId(), i.getAddress(),
                i.getAddressType(), i.getNetworkType(), i.getStatus());
    }

    static InstanceHeader of(DiagnosisReport.InstanceInfo i) {
        return new InstanceHeader(i.loadBalancerId(), i.name(), i.regionId(), i.address(), i.addressType(),
                i.networkType(), i.status());
    }

    /** The name when the API gave one, else the id: what the page calls the instance. */
    public String title() {
        return name == null || name.isBlank() ? loadBalancerId : name;
    }

    /** {@code badge-pass} for an active instance, {@code badge-fail} for locked/inactive, neutral otherwise. */
    public String statusBadge() {
        if (status == null) {
            return "badge-none";
        }
        return switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "active" -> "badge-pass";
            case "locked", "inactive" -> "badge-fail";
            default -> "badge-unknown";
        };
    }
}
