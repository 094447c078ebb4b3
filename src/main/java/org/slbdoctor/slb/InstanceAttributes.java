package org.slbdoctor.slb;

import java.util.List;

/** What DescribeLoadBalancerAttribute says about the instance; backends are the default server group. */
public record InstanceAttributes(
        String loadBalancerId,
        String name,
        String status,
        String address,
        String addressType,
        String networkType,
        String regionId,
        String loadBalancerSpec,
        List<ListenerPortAndProtocol> listenerPorts,
        List<BackendServer> defaultServerGroup) {

    public InstanceAttributes {
        listenerPorts = listenerPorts == null ? List.of() : List.copyOf(listenerPorts);
        defaultServerGroup = defaultServerGroup == null ? List.of() : List.copyOf(defaultServerGroup);
    }

    public boolean locked() {
        return "locked".equalsIgnoreCase(status);
    }

    public boolean inactive() {
        return "inactive".equalsIgnoreCase(status);
    }

    public record ListenerPortAndProtocol(int port, String protocol) {
    }
}
