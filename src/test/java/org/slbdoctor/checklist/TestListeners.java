package org.slbdoctor.checklist;

import org.slbdoctor.slb.Listener;

/** Realistic listeners as DescribeLoadBalancerListeners returns them, with fluent tweaks. */
public final class TestListeners {

    private int port;
    private String protocol;
    private String status = "running";
    private Integer backendServerPort;
    private String vServerGroupId;
    private String healthCheck = "on";
    private Integer healthCheckConnectPort;
    private Integer requestTimeout;
    private Integer establishedTimeout;

    private TestListeners(int port, String protocol) {
        this.port = port;
        this.protocol = protocol;
        this.backendServerPort = port;
        if (protocol.startsWith("http")) {
            requestTimeout = 60;
        } else if (protocol.equals("tcp")) {
            establishedTimeout = 900;
        }
    }

    public static TestListeners http(int port) {
        return new TestListeners(port, "http");
    }

    public static TestListeners https(int port) {
        return new TestListeners(port, "https");
    }

    public static TestListeners tcp(int port) {
        return new TestListeners(port, "tcp");
    }

    public static TestListeners udp(int port) {
        return new TestListeners(port, "udp");
    }

    public TestListeners status(String s) { status = s; return this; }
    public TestListeners backendServerPort(Integer p) { backendServerPort = p; return this; }
    public TestListeners vServerGroup(String id) { vServerGroupId = id; backendServerPort = null; return this; }
    public TestListeners healthCheck(String onOff) { healthCheck = onOff; return this; }
    public TestListeners healthCheckConnectPort(Integer p) { healthCheckConnectPort = p; return this; }
    public TestListeners requestTimeout(Integer s) { requestTimeout = s; return this; }
    public TestListeners establishedTimeout(Integer s) { establishedTimeout = s; return this; }

    public Listener build() {
        boolean l7 = protocol.startsWith("http");
        return new Listener(port, protocol, status, protocol.toUpperCase() + "_" + port, backendServerPort,
                vServerGroupId, "wrr", -1, healthCheck, l7 ? "http" : "tcp", healthCheckConnectPort,
                l7 ? "$_ip" : null, l7 ? "/health" : null, l7 ? "http_2xx" : null, l7 ? "head" : null, 2, 5, 5, 3, 3,
                requestTimeout, l7 ? 15 : null, establishedTimeout);
    }
}
