package org.slbdoctor.artifact.iptables;

import java.util.List;
import org.slbdoctor.artifact.LineRef;

/**
 * One {@code -A CHAIN ...} line.
 *
 * @param chain  the chain it is appended to
 * @param line   where it stands in the artifact
 * @param args   the tokens after {@code -A CHAIN}, quotes removed
 * @param target the {@code -j}/{@code -g} target, null when the rule has none (it only counts)
 * @param isGoto whether the target was given with {@code -g}
 * @param spec   what the simulator reads
 */
public record IptablesRule(String chain, LineRef line, List<String> args, String target, boolean isGoto, RuleSpec spec) {

    public IptablesRule {
        args = List.copyOf(args);
    }

    /** Why the dump cannot tell whether this rule matches (empty when it can). */
    public List<String> uncertainty() {
        return spec.uncertain();
    }
}
