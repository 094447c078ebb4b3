package org.slbdoctor.slb;

/**
 * A listener with its health-check settings and timeouts, from DescribeLoadBalancerListeners
 * (HTTPListenerConfig / HTTPSListenerConfig / TCPListenerConfig / UDPListenerConfig flattened).
 * Fields that do not apply to the protocol are null.
 */
public record Listener(
        int port,
        String protocol,
        String status,
        String description,
        Integer backendServerPort,
        String vServerGroupId,
        String scheduler,
        Integer bandwidth,
        String healthCheck,
        String healthCheckType,
        Integer healthCheckConnectPort,
        String healthCheckDomain,
        String healthCheckUri,
        String healthCheckHttpCode,
        String healthCheckMethod,
        Integer healthCheckInterval,
        Integer healthCheckTimeout,
        Integer healthCheckConnectTimeout,
        Integer healthyThreshold,
        Integer unhealthyThreshold,
        Integer requestTimeout,
        Integer idleTimeout,
        Integer establishedTimeout) {

    public boolean running() {
        return "running".equalsIgnoreCase(status);
    }

    public boolean stopped() {
        return "stopped".equalsIgnoreCase(status);
    }

    public boolean layer7() {
        return "http".equalsIgnoreCase(protocol) || "https".equalsIgnoreCase(protocol);
    }

    public boolean layer4() {
        return "tcp".equalsIgnoreCase(protocol) || "udp".equalsIgnoreCase(protocol);
    }

    public boolean tcp() {
        return "tcp".equalsIgnoreCase(protocol);
    }

    public boolean healthCheckOn() {
        return !"off".equalsIgnoreCase(healthCheck);
    }

    public boolean usesVServerGroup() {
        return vServerGroupId != null && !vServerGroupId.isBlank();
    }

    /** "80/http", the way operators name a listener. */
    public String label() {
        return port + "/" + protocol;
    }
}
