package org.slbdoctor.slb;

import java.util.List;

/** A VServer group with its members (DescribeVServerGroupAttribute) and what uses it (DescribeVServerGroups). */
public record VServerGroup(String id, String name, List<BackendServer> backendServers,
        List<AssociatedListener> listeners, List<String> ruleIds) {

    public VServerGroup {
        backendServers = backendServers == null ? List.of() : List.copyOf(backendServers);
        listeners = listeners == null ? List.of() : List.copyOf(listeners);
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }

    public record AssociatedListener(int port, String protocol) {
    }
}
