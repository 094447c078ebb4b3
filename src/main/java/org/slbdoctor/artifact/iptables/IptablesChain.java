package org.slbdoctor.artifact.iptables;

import java.util.List;
import org.slbdoctor.artifact.LineRef;

/**
 * A chain of a table. {@code policy} is {@code ACCEPT}/{@code DROP} for built-in chains and null
 * for user chains ({@code :DOCKER - [0:0]}); {@code declaration} is the {@code :CHAIN ...} line,
 * null when the chain only appears in rules.
 */
public record IptablesChain(String name, String policy, LineRef declaration, List<IptablesRule> rules) {

    public IptablesChain {
        rules = List.copyOf(rules);
    }

    public boolean builtin() {
        return policy != null;
    }
}
