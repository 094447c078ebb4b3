package org.slbdoctor.artifact.iptables;

import java.util.List;
import org.slbdoctor.artifact.LineRef;

/**
 * What the {@code filter} table did with a probe.
 *
 * @param verdict      ACCEPT, DROP or REJECT
 * @param decidedBy    a readable reason: {@code "rule"} plus the chain, or {@code "policy DROP of INPUT"}
 * @param decidingLine the rule line, or the {@code :INPUT DROP [0:0]} line when the policy decided;
 *                     null only when the filter table has no INPUT chain (then the kernel default ACCEPT applies)
 * @param byPolicy     whether the chain policy decided (no rule did)
 * @param chain        the chain where the deciding rule stands ({@code INPUT} for the policy)
 * @param caveats      rules on the path whose outcome the dump cannot tell ({@code -m set}, {@code -m recent}...
 *                     or an unparseable value), which the simulation treated as not matching, in path order
 * @param ignoredMatches matches the simulation ignored ({@link IptablesRule#ignoredMatches()}) on the rules that
 *                     decided: the jumps taken to the deciding rule and that rule itself, each with its rule's line;
 *                     the packet could take another path if it does not meet them
 */
public record ProbeResult(ProbePacket probe, Verdict verdict, String decidedBy, LineRef decidingLine, boolean byPolicy,
        String chain, List<Caveat> caveats, List<Caveat> ignoredMatches) {

    public enum Verdict {
        ACCEPT, DROP, REJECT;

        public boolean blocks() {
            return this != ACCEPT;
        }
    }

    /** A rule the simulation could not decide and skipped, with why. */
    public record Caveat(LineRef line, String reason) {
    }

    public ProbeResult {
        caveats = List.copyOf(caveats);
        ignoredMatches = List.copyOf(ignoredMatches);
    }

    public boolean blocked() {
        return verdict.blocks();
    }

    @Override
    public String toString() {
        return probe + ": " + verdict + " by " + decidedBy + (decidingLine == null ? "" : " (" + decidingLine + ")");
    }
}
