package org.slbdoctor.slb.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One instance the sandbox serves, in the compact form of the scenario files
 * ({@code src/main/resources/sandbox/*.json}). The sandbox renders the full SDK-shaped JSON from it,
 * filling every other field the real API returns with realistic defaults.
 */
public record SandboxInstance(
        String id,
        String region,
        String name,
        String scenario,
        String status,
        String address,
        String addressType,
        String networkType,
        String spec,
        List<Backend> backends,
        List<Listener> listeners,
        List<Group> vServerGroups,
        List<Rule> rules) {

    public SandboxInstance {
        status = status == null ? "active" : status;
        addressType = addressType == null ? "internet" : addressType;
        networkType = networkType == null ? "vpc" : networkType;
        spec = spec == null ? "slb.s2.small" : spec;
        backends = backends == null ? List.of() : List.copyOf(backends);
        listeners = listeners == null ? List.of() : List.copyOf(listeners);
        vServerGroups = vServerGroups == null ? List.of() : List.copyOf(vServerGroups);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A backend: of the default server group (port null) or of a VServer group (port set). */
    public record Backend(String id, String ip, Integer port, Integer weight, String type, String description) {
        public Backend {
            weight = weight == null ? 100 : weight;
            type = type == null ? "ecs" : type;
            description = description == null ? "" : description;
        }
    }

    /**
     * A listener. {@code health} is the health of every backend on it ({@code normal} unless said),
     * {@code healthOverrides} per server id; a listener with the health check off reports
     * {@code unavailable}.
     */
    public record Listener(int port, String protocol, Integer backendPort, String status, String healthCheck,
            Integer requestTimeout, Integer idleTimeout, Integer establishedTimeout, String healthCheckUri,
            Integer healthCheckConnectPort, String vServerGroupId, String description, String health,
            Map<String, String> healthOverrides) {
        public Listener {
            protocol = protocol == null ? "http" : protocol;
            backendPort = backendPort == null ? port : backendPort;
            status = status == null ? "running" : status;
            healthCheck = healthCheck == null ? "on" : healthCheck;
            requestTimeout = requestTimeout == null ? 60 : requestTimeout;
            idleTimeout = idleTimeout == null ? 15 : idleTimeout;
            establishedTimeout = establishedTimeout == null ? 900 : establishedTimeout;
            healthCheckUri = healthCheckUri == null ? "/health" : healthCheckUri;
            vServerGroupId = vServerGroupId == null ? "" : vServerGroupId;
            description = description == null ? protocol + "_" + port : description;
            health = health == null ? "normal" : health;
            healthOverrides = healthOverrides == null ? Map.of() : Map.copyOf(healthOverrides);
        }

        public boolean layer7() {
            return "http".equals(protocol) || "https".equals(protocol);
        }

        public String healthOf(String serverId) {
            if ("off".equals(healthCheck)) {
                return "unavailable";
            }
            return healthOverrides.getOrDefault(serverId, health);
        }
    }

    public record Group(String id, String name, List<Backend> backends) {
        public Group {
            backends = backends == null ? List.of() : List.copyOf(backends);
        }
    }

    public record Rule(int listenerPort, String listenerProtocol, String id, String name, String domain, String url,
            String vServerGroupId) {
        public Rule {
            listenerProtocol = listenerProtocol == null ? "http" : listenerProtocol;
        }
    }

    public java.util.Optional<Listener> listener(int port, String protocol) {
        return listeners.stream()
                .filter(l -> l.port() == port && (protocol == null || protocol.isBlank() || l.protocol().equals(protocol)))
                .findFirst();
    }

    public java.util.Optional<Group> group(String groupId) {
        return vServerGroups.stream().filter(g -> g.id().equals(groupId)).findFirst();
    }
}
