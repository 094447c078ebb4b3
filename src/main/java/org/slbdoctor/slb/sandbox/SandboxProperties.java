package org.slbdoctor.slb.sandbox;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the built-in SLB sandbox ({@code slbdoctor.sandbox.*}).
 *
 * @param enabled on by default when no Alibaba Cloud credentials and no {@code slbdoctor.aliyun.endpoint} are configured
 * @param port loopback port, 0 = any free port
 * @param accessKeyId the AccessKey id the sandbox accepts
 * @param accessKeySecret its secret; unset = a random one per start (only the app's own client knows it)
 * @param generatedInstances extra generated instances {@code lb-bp1gen…} in cn-hangzhou (benchmarks)
 * @param generatedListeners listeners of each generated instance
 * @param generatedBackends backends of each generated instance
 * @param faults fault injection at start (changeable later through {@link SandboxFaults})
 */
@ConfigurationProperties("slbdoctor.sandbox")
public record SandboxProperties(
        Boolean enabled,
        Integer port,
        String accessKeyId,
        String accessKeySecret,
        Integer generatedInstances,
        Integer generatedListeners,
        Integer generatedBackends,
        Faults faults) {

    public SandboxProperties {
        enabled = enabled != null && enabled;
        port = port == null ? 0 : port;
        accessKeyId = accessKeyId == null || accessKeyId.isBlank() ? "LTAI5tSandboxKey0000001" : accessKeyId;
        generatedInstances = generatedInstances == null ? 0 : generatedInstances;
        generatedListeners = generatedListeners == null ? 5 : generatedListeners;
        generatedBackends = generatedBackends == null ? 4 : generatedBackends;
        faults = faults == null ? new Faults(null, null, null, null) : faults;
    }

    /**
     * @param latencyMs latency added to every call
     * @param throttleStatus HTTP status of Throttling.User answers (400 or 429)
     * @param throttleMaxCallsPerSecond calls per second beyond which the sandbox throttles (0 = never)
     * @param actions a fault per action name ({@code *} = every action), e.g. {@code DescribeHealthStatus: SERVICE_UNAVAILABLE}
     */
    public record Faults(Long latencyMs, Integer throttleStatus, Double throttleMaxCallsPerSecond,
            Map<String, SandboxFault> actions) {
        public Faults {
            latencyMs = latencyMs == null ? 0 : latencyMs;
            throttleStatus = throttleStatus == null ? 400 : throttleStatus;
            throttleMaxCallsPerSecond = throttleMaxCallsPerSecond == null ? 0 : throttleMaxCallsPerSecond;
            actions = actions == null ? Map.of() : Map.copyOf(actions);
        }
    }
}
