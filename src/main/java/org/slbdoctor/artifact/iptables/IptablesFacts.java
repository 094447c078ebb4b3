package org.slbdoctor.artifact.iptables;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slbdoctor.artifact.ArtifactFacts;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineRef;
import org.slbdoctor.artifact.iptables.ProbeResult.Caveat;
import org.slbdoctor.artifact.iptables.ProbeResult.Verdict;

/**
 * The tables of an {@code iptables-save} dump, and a simulator of its {@code filter} table's
 * {@code INPUT} chain for a new TCP connection (CHECKLIST.md, backend-firewall).
 *
 * @param tables                every {@code *table} section in text order
 * @param ignoredLines          how many non-empty lines were neither comments nor part of the format
 *                              (prompts, prose, {@code iptables -L} output...)
 * @param nftIncompatibleTables tables iptables-nft could not print ({@code # Table `filter' is
 *                              incompatible, use 'nft' tool.}): they hold rules made with nft itself
 * @param writtenByIptablesNft  whether iptables-nft wrote the dump: rules made with nft itself
 *                              (firewalld's nftables backend) are then not in it
 */
public record IptablesFacts(List<IptablesTable> tables, int ignoredLines, List<String> nftIncompatibleTables,
        boolean writtenByIptablesNft) implements ArtifactFacts {

    public IptablesFacts {
        tables = List.copyOf(tables);
        nftIncompatibleTables = List.copyOf(nftIncompatibleTables);
    }

    public IptablesFacts(List<IptablesTable> tables, int ignoredLines) {
        this(tables, ignoredLines, List.of(), false);
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.IPTABLES_SAVE;
    }

    /**
     * The IPv4 {@code filter} table (the last one when the text holds several dumps); an
     * ip6tables-save table never sees SLB's IPv4 packets.
     */
    public Optional<IptablesTable> filterTable() {
        IptablesTable found = null;
        for (IptablesTable t : tables) {
            if (t.name().equals("filter") && !t.ipv6()) {
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Without a {@code filter} table the artifact gives no firewall evidence. */
    public boolean hasFilterTable() {
        return filterTable().isPresent();
    }

    /** Every filter-table rule whose outcome the dump cannot tell, in text order. */
    public List<IptablesRule> uncertainRules() {
        return filterTable().map(t -> t.chains().values().stream().flatMap(c -> c.rules().stream())
                .filter(r -> !r.uncertainty().isEmpty()).toList()).orElse(List.of());
    }

    /** Runs the probe through {@code filter}/{@code INPUT}; empty when there is no filter table. */
    public Optional<ProbeResult> simulate(ProbePacket probe) {
        return filterTable().map(t -> new Run(t, probe).result());
    }

    /** One traversal; the call stack guards against chain cycles (iptables refuses them, a hand-edited text may not). */
    private static final class Run {

        private final IptablesTable table;
        private final ProbePacket probe;
        private final List<Caveat> caveats = new ArrayList<>();
        private final Deque<String> stack = new ArrayDeque<>();
        /** The jump rules taken to reach the current chain, outermost first. */
        private final List<IptablesRule> jumps = new ArrayList<>();

        Run(IptablesTable table, ProbePacket probe) {
            this.table = table;
            this.probe = probe;
        }

        ProbeResult result() {
            IptablesChain input = table.chains().get("INPUT");
            if (input == null) {
                return new ProbeResult(probe, Verdict.ACCEPT, "no INPUT chain in the filter table (kernel default ACCEPT)",
                        null, true, "INPUT", caveats, List.of());
            }
            ProbeResult decided = run(input);
            if (decided != null) {
                return decided;
            }
            String policy = input.policy() == null ? "ACCEPT" : input.policy();
            Verdict v = switch (policy) {
                case "DROP" -> Verdict.DROP;
                case "REJECT" -> Verdict.REJECT;
                default -> Verdict.ACCEPT;
            };
            return new ProbeResult(probe, v, "policy " + policy + " of INPUT", input.declaration(), true, "INPUT",
                    caveats, List.of());
        }

        /** null = fell off the chain or RETURNed (the caller goes on). */
        private ProbeResult run(IptablesChain chain) {
            stack.push(chain.name());
            try {
                for (IptablesRule rule : chain.rules()) {
                    RuleSpec.Outcome outcome = rule.spec().evaluate(probe);
                    if (outcome == RuleSpec.Outcome.UNCERTAIN) {
                        caveats.add(new Caveat(rule.line(), String.join("; ", rule.uncertainty())));
                        continue;
                    }
                    if (outcome == RuleSpec.Outcome.NO_MATCH || rule.target() == null) {
                        continue;
                    }
                    switch (rule.target()) {
                        case "ACCEPT":
                            return decided(Verdict.ACCEPT, rule);
                        case "DROP":
                            return decided(Verdict.DROP, rule);
                        case "REJECT":
                            return decided(Verdict.REJECT, rule);
                        case "RETURN":
                            return null;
                        default:
                            IptablesChain sub = table.chains().get(rule.target());
                            if (sub == null || sub.builtin()) {
                                continue; // LOG, MARK, NFQUEUE...: a non-terminating target, go on
                            }
                            if (stack.contains(sub.name())) {
                                caveats.add(new Caveat(rule.line(), "jump to " + sub.name()
                                        + " would loop; iptables refuses chain cycles, so this text was edited"));
                                continue;
                            }
                            jumps.add(rule);
                            ProbeResult r = run(sub);
                            jumps.remove(jumps.size() - 1);
                            if (r != null) {
                                return r;
                            }
                            if (rule.isGoto()) {
                                return null; // -g: RETURN or the end of the target leaves this chain too
                            }
                    }
                }
                return null;
            } finally {
                stack.pop();
            }
        }

        private ProbeResult decided(Verdict v, IptablesRule rule) {
            List<Caveat> ignored = new ArrayList<>();
            for (IptablesRule r : jumps) {
                r.ignoredMatches().forEach(m -> ignored.add(new Caveat(r.line(), m)));
            }
            rule.ignoredMatches().forEach(m -> ignored.add(new Caveat(rule.line(), m)));
            return new ProbeResult(probe, v, "rule in chain " + rule.chain(), rule.line(), false, rule.chain(),
                    caveats, ignored);
        }
    }

    @Override
    public String summary() {
        Optional<IptablesTable> filter = filterTable();
        String ipv6 = tables.stream().anyMatch(IptablesTable::ipv6) ? "; IPv6 (ip6tables) tables not simulated" : "";
        if (filter.isEmpty()) {
            return noFilterTableReason()
                    + (tables.isEmpty() ? "" : " (tables: " + String.join(", ", tables.stream()
                            .map(t -> t.ipv6() ? t.name() + " (IPv6)" : t.name()).toList()) + ")");
        }
        IptablesTable t = filter.get();
        int rules = t.chains().values().stream().mapToInt(c -> c.rules().size()).sum();
        String policy = t.chain("INPUT").map(IptablesChain::policy).orElse("ACCEPT");
        int uncertain = uncertainRules().size();
        return "filter table: " + t.chains().size() + " chains, " + rules + " rules, INPUT policy " + policy
                + (uncertain == 0 ? "" : ", " + uncertain + " rules the dump cannot decide (ipset/recent/...)") + ipv6;
    }

    /** Why there is nothing to simulate, for the finding: CHECKLIST.md wants it said. */
    public String noFilterTableReason() {
        return "no *filter table: no firewall evidence" + noFilterTableDetail();
    }

    /** "" or a parenthesis saying why an artifact that should have a filter table shows none. */
    public String noFilterTableDetail() {
        if (nftIncompatibleTables.contains("filter")) {
            return " (iptables-nft could not print the filter table because it holds rules made with nft; "
                    + "`nft list ruleset` shows them)";
        }
        if (tables.stream().anyMatch(t -> t.ipv6() && t.name().equals("filter"))) {
            return " (only an ip6tables-save filter table, which SLB's IPv4 packets never traverse)";
        }
        return "";
    }

    /** For the finding: what an iptables-nft dump leaves out, or null when that is not the case. */
    public String nftCaveat() {
        return writtenByIptablesNft ? "written by iptables-nft: rules made with nft itself (firewalld's nftables "
                + "backend, table inet firewalld) are not in this dump; `nft list ruleset` shows them" : null;
    }

    /** For evidence texts: the INPUT policy line, if declared. */
    public Optional<LineRef> inputPolicyLine() {
        return filterTable().flatMap(t -> t.chain("INPUT")).map(IptablesChain::declaration);
    }
}
