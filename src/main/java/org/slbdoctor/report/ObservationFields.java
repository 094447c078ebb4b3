package org.slbdoctor.report;

import java.util.List;
import java.util.function.Function;
import org.slbdoctor.observation.Observations;

/** The observation schema of API.md as the report lists it: field, guide section, how to read it. */
final class ObservationFields {

    enum Kind { BOOLEAN, ENUM, PERCENT, SECONDS, BYTES, CODES, RP_FILTER }

    record Field(String name, String guideSection, Kind kind, Function<Observations, Object> value) {
    }

    static final List<Field> ALL = List.of(
            new Field("observedStatusCodes", "—", Kind.CODES, Observations::observedStatusCodes),
            new Field("pattern", "—", Kind.ENUM, Observations::pattern),
            new Field("scope", "2", Kind.ENUM, Observations::scope),
            new Field("reproducesFromOtherProvider", "2", Kind.BOOLEAN, Observations::reproducesFromOtherProvider),
            new Field("behindAntiDdosOrWaf", "1", Kind.BOOLEAN, Observations::behindAntiDdosOrWaf),
            new Field("antiDdosForwardingRuleConfigured", "1", Kind.BOOLEAN, Observations::antiDdosForwardingRuleConfigured),
            new Field("domainIcpFiled", "1", Kind.BOOLEAN, Observations::domainIcpFiled),
            new Field("securitySoftwareOnBackend", "3", Kind.BOOLEAN, Observations::securitySoftwareOnBackend),
            new Field("slbRangeWhitelisted", "3", Kind.BOOLEAN, Observations::slbRangeWhitelisted),
            new Field("rpFilter", "4", Kind.RP_FILTER, Observations::rpFilter),
            new Field("backendCpuPercent", "5", Kind.PERCENT, Observations::backendCpuPercent),
            new Field("backendBandwidthPercent", "5", Kind.PERCENT, Observations::backendBandwidthPercent),
            new Field("appMaxResponseSeconds", "7", Kind.SECONDS, Observations::appMaxResponseSeconds),
            new Field("phpFpmRunning", "7", Kind.BOOLEAN, Observations::phpFpmRunning),
            new Field("requestHeaderBytes", "8", Kind.BYTES, Observations::requestHeaderBytes),
            new Field("backendCallsSlbAddress", "9", Kind.BOOLEAN, Observations::backendCallsSlbAddress),
            new Field("directToBackendResult", "—", Kind.ENUM, Observations::directToBackendResult),
            new Field("layer4SwitchResult", "—", Kind.ENUM, Observations::layer4SwitchResult));

    static Field byName(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private ObservationFields() {
    }
}
