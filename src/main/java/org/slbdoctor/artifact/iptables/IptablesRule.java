package org.slbdoctor.artifact.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /** Options that are not a match module's own: they end the module's option list. */
    private static final Set<String> ENDS_A_MATCH = Set.of("-m", "--match", "-j", "--jump", "-g", "--goto", "-s",
            "--source", "--src", "-d", "--destination", "--dst", "-p", "--protocol", "-i", "--in-interface", "-o",
            "--out-interface", "-f", "--fragment");

    /** Match modules the simulation reads in full, or that cannot narrow which packets a rule takes ({@code comment}). */
    private static final Set<String> EVALUATED_MODULES = Set.of("tcp", "udp", "multiport", "state", "conntrack",
            "iprange", "comment", "icmp");

    /**
     * The {@code -m} matches of this rule that narrow which packets it takes but that the simulation
     * ignores, as CHECKLIST.md says ({@code -m mark --mark 0x8000/0x8000}, {@code -m addrtype
     * --src-type LOCAL}...), each with its options. A blocking rule with one of them may never see
     * SLB's packets (kube-proxy's {@code KUBE-FIREWALL} drops only marked ones), so the finding says so.
     */
    public List<String> ignoredMatches() {
        List<String> found = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean match = a.equals("-m") || a.equals("--match");
            if (a.equals("!") && i + 1 < args.size() && ENDS_A_MATCH.contains(args.get(i + 1))) {
                continue; // "! -s ...": the negation belongs to the option that follows
            }
            if (match || ENDS_A_MATCH.contains(a)) {
                if (current != null) {
                    found.add(current.toString().strip());
                    current = null;
                }
                if (match && i + 1 < args.size()) {
                    String module = args.get(i + 1).toLowerCase(Locale.ROOT);
                    if (!EVALUATED_MODULES.contains(module) && !IptablesSaveAnalyzer.UNDECIDABLE_MODULES.contains(module)) {
                        current = new StringBuilder("-m ").append(args.get(i + 1));
                    }
                    i++;
                }
                continue;
            }
            if (current != null) {
                current.append(' ').append(a);
            }
        }
        if (current != null) {
            found.add(current.toString().strip());
        }
        return List.copyOf(found);
    }
}
