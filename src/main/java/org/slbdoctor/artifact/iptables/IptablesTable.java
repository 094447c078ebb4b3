package org.slbdoctor.artifact.iptables;

import java.util.Map;
import java.util.Optional;
import org.slbdoctor.artifact.LineRef;

/** One {@code *table} … {@code COMMIT} section; chains in declaration order. */
public record IptablesTable(String name, LineRef header, Map<String, IptablesChain> chains, boolean committed) {

    public IptablesTable {
        chains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(chains));
    }

    public Optional<IptablesChain> chain(String chainName) {
        return Optional.ofNullable(chains.get(chainName));
    }
}
