package org.slbdoctor.slb;

/** A Layer-7 forwarding rule (DescribeRules) of one listener. */
public record ForwardingRule(int listenerPort, String listenerProtocol, String ruleId, String name, String domain,
        String url, String vServerGroupId) {
}
