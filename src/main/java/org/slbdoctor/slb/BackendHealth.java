package org.slbdoctor.slb;

/** One row of DescribeHealthStatus: a backend's health on one listener. */
public record BackendHealth(String serverId, String serverIp, Integer port, int listenerPort, String protocol,
        String status) {

    public boolean normal() {
        return "normal".equalsIgnoreCase(status);
    }

    public boolean abnormal() {
        return "abnormal".equalsIgnoreCase(status);
    }

    public boolean unavailable() {
        return "unavailable".equalsIgnoreCase(status);
    }
}
