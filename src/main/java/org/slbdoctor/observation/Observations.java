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

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction, field by field, for code that fills in only what it knows. */
    public static final class Builder {
        private List<Integer> observedStatusCodes;
        private Pattern pattern;
        private Scope scope;
        private Boolean reproducesFromOtherProvider;
        private Boolean behindAntiDdosOrWaf;
        private Boolean antiDdosForwardingRuleConfigured;
        private Boolean domainIcpFiled;
        private Boolean securitySoftwareOnBackend;
        private Boolean slbRangeWhitelisted;
        private Map<String, Integer> rpFilter;
        private Double backendCpuPercent;
        private Double backendBandwidthPercent;
        private Double appMaxResponseSeconds;
        private Boolean phpFpmRunning;
        private Long requestHeaderBytes;
        private Boolean backendCallsSlbAddress;
        private DirectToBackendResult directToBackendResult;
        private Layer4SwitchResult layer4SwitchResult;
        private String notes;

        public Builder observedStatusCodes(List<Integer> v) { observedStatusCodes = v; return this; }
        public Builder pattern(Pattern v) { pattern = v; return this; }
        public Builder scope(Scope v) { scope = v; return this; }
        public Builder reproducesFromOtherProvider(Boolean v) { reproducesFromOtherProvider = v; return this; }
        public Builder behindAntiDdosOrWaf(Boolean v) { behindAntiDdosOrWaf = v; return this; }
        public Builder antiDdosForwardingRuleConfigured(Boolean v) { antiDdosForwardingRuleConfigured = v; return this; }
        public Builder domainIcpFiled(Boolean v) { domainIcpFiled = v; return this; }
        public Builder securitySoftwareOnBackend(Boolean v) { securitySoftwareOnBackend = v; return this; }
        public Builder slbRangeWhitelisted(Boolean v) { slbRangeWhitelisted = v; return this; }
        public Builder rpFilter(Map<String, Integer> v) { rpFilter = v; return this; }
        public Builder backendCpuPercent(Double v) { backendCpuPercent = v; return this; }
        public Builder backendBandwidthPercent(Double v) { backendBandwidthPercent = v; return this; }
        public Builder appMaxResponseSeconds(Double v) { appMaxResponseSeconds = v; return this; }
        public Builder phpFpmRunning(Boolean v) { phpFpmRunning = v; return this; }
        public Builder requestHeaderBytes(Long v) { requestHeaderBytes = v; return this; }
        public Builder backendCallsSlbAddress(Boolean v) { backendCallsSlbAddress = v; return this; }
        public Builder directToBackendResult(DirectToBackendResult v) { directToBackendResult = v; return this; }
        public Builder layer4SwitchResult(Layer4SwitchResult v) { layer4SwitchResult = v; return this; }
        public Builder notes(String v) { notes = v; return this; }

        public Observations build() {
            return new Observations(observedStatusCodes, pattern, scope, reproducesFromOtherProvider,
                    behindAntiDdosOrWaf, antiDdosForwardingRuleConfigured, domainIcpFiled, securitySoftwareOnBackend,
                    slbRangeWhitelisted, rpFilter, backendCpuPercent, backendBandwidthPercent, appMaxResponseSeconds,
                    phpFpmRunning, requestHeaderBytes, backendCallsSlbAddress, directToBackendResult,
                    layer4SwitchResult, notes);
        }
    }

    public enum Pattern { CONSTANT, INTERMITTENT }

    public enum Scope { ALL_CLIENTS, SOME_CLIENTS }

    public enum DirectToBackendResult { OK, ERRORS, INTERMITTENT }

    public enum Layer4SwitchResult { RESOLVED, PERSISTS }
}
