package org.slbdoctor.report;

import java.util.List;

/**
 * The nine bullets of the guide's "Troubleshooting" section and where their results are recorded:
 * observation fields, artifact kinds, and the checks that judge the same thing.
 * {@code apiDecides} marks the step the SLB API itself performs (status and health checks).
 */
final class TroubleshootingSteps {

    record Step(int number, List<String> observations, List<String> artifactKinds, List<String> checkIds,
            boolean apiDecides) {
    }

    static final List<Step> ALL = List.of(
            new Step(1, List.of("observedStatusCodes", "pattern"), List.of(), List.of(), false),
            new Step(2, List.of("behindAntiDdosOrWaf", "antiDdosForwardingRuleConfigured"), List.of(),
                    List.of("icp-antiddos"), false),
            new Step(3, List.of("scope", "reproducesFromOtherProvider"), List.of(), List.of("client-blocked"), false),
            new Step(4, List.of(), List.of(), List.of("instance-state", "health-check"), true),
            new Step(5, List.of("directToBackendResult"), List.of(), List.of(), false),
            new Step(6, List.of("layer4SwitchResult"), List.of(), List.of(), false),
            new Step(7, List.of("backendCpuPercent", "backendBandwidthPercent"), List.of(),
                    List.of("backend-capacity"), false),
            new Step(8, List.of("phpFpmRunning", "securitySoftwareOnBackend", "slbRangeWhitelisted"),
                    List.of("nginx-error-log", "php-fpm-log", "php-fpm-conf", "nginx-conf", "slb-access-log",
                            "iptables-save"),
                    List.of("web-app", "backend-firewall"), false),
            new Step(9, List.of("rpFilter"), List.of("sysctl"), List.of("kernel-rp-filter"), false));

    private TroubleshootingSteps() {
    }
}
