package org.slbdoctor.observation;

import java.util.List;
import java.util.Map;

/**
 * What only the operator knows, exactly the schema of API.md. Every field is optional: null means
 * "not known", which is different from false.
 */
public record Observations(
        List<Integer> observedStatusCodes,
        Pattern pattern,
        Scope scope,
        Boolean reproducesFromOtherProvider,
        Boolean behindAntiDdosOrWaf,
        Boolean antiDdosForwardingRuleConfigured,
        Boolean domainIcpFiled,
        Boolean securitySoftwareOnBackend,
        Boolean slbRangeWhitelisted,
        Map<String, Integer> rpFilter,
        Double backendCpuPercent,
        Double backendBandwidthPercent,
        Double appMaxResponseSeconds,
        Boolean phpFpmRunning,
        Long requestHeaderBytes,
        Boolean backendCallsSlbAddress,
        DirectToBackendResult directToBackendResult,
        Layer4SwitchResult layer4SwitchResult,
        String notes) {

    public static final Observations NONE = new Observations(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);

    public Observations {
        observedStatusCodes = observedStatusCodes == null ? null : List.copyOf(observedStatusCodes);
        rpFilter = rpFilter == null ? null : Map.copyOf(rpFilter);
    }

    public enum Pattern { CONSTANT, INTERMITTENT }

    public enum Scope { ALL_CLIENTS, SOME_CLIENTS }

    public enum DirectToBackendResult { OK, ERRORS, INTERMITTENT }

    public enum Layer4SwitchResult { RESOLVED, PERSISTS }
}
