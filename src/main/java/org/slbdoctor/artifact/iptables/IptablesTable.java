package org.slbdoctor.artifact.iptables;

import java.util.Map;
import java.util.Optional;
import org.slbdoctor.artifact.LineRef;

/**
 * One {@code *table} … {@code COMMIT} section; chains in declaration order. {@code ipv6} marks a
 * table written by {@code ip6tables-save} (pasted with the IPv4 dump): SLB's 100.64.0.0/10 packets
 * never traverse it.
 */
public record IptablesTable(String name, LineRef header, Map<String, IptablesChain> chains, boolean committed,
        boolean ipv6) {

    public IptablesTable {
        chains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(chains));
    }

    public Optional<IptablesChain> chain(String chainName) {
        return Optional.ofNullable(chains.get(chainName));
    }
}
