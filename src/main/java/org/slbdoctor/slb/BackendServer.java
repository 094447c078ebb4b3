package org.slbdoctor.slb;

/**
 * A backend as a server group lists it. {@code port} is null for the default server group
 * (the listener's BackendServerPort applies); {@code serverIp} may be empty for ECS backends.
 */
public record BackendServer(String serverId, String serverIp, Integer port, Integer weight, String type,
        String description) {

    public BackendServer withPort(Integer newPort) {
        return new BackendServer(serverId, serverIp, newPort, weight, type, description);
    }

    public boolean weighted() {
        return weight == null || weight > 0;
    }

    String key() {
        return serverId + ":" + port;
    }
}
