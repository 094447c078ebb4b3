package org.slbdoctor.artifact.iptables;

import java.util.List;
import java.util.Set;

/**
 * The match criteria of one rule that the simulator understands, each with its {@code !}
 * negation. A null criterion is absent. {@code uncertain} lists why the rule's outcome cannot be
 * told from the dump ({@code -m set}, an unparseable address...): such a rule never matches and is
 * reported as a caveat when everything else about it matches.
 */
public record RuleSpec(Negatable<List<Ipv4Cidr>> source, Negatable<List<Ipv4Cidr>> destination,
        Negatable<String> protocol, Boolean syn, Negatable<TcpFlags> tcpFlags, Negatable<List<PortRange>> destinationPorts,
        boolean sourcePort, Negatable<String> inInterface, Negatable<Set<String>> states, Boolean fragment,
        Negatable<IpRange> sourceRange, Negatable<IpRange> destinationRange, List<String> uncertain) {

    public RuleSpec {
        uncertain = List.copyOf(uncertain);
    }

    /** A criterion with its negation. */
    public record Negatable<T>(T value, boolean negated) {

        boolean test(boolean base) {
            return base != negated;
        }
    }

    /** {@code --tcp-flags mask comp} as bit sets (FIN=1 SYN=2 RST=4 PSH=8 ACK=16 URG=32 ECE=64 CWR=128). */
    public record TcpFlags(int mask, int comp) {
        static final int SYN = 2;
    }

    /** {@code -m iprange --src-range a-b} as unsigned longs. */
    public record IpRange(long from, long to) {

        boolean contains(int address) {
            long a = Integer.toUnsignedLong(address);
            return a >= from && a <= to;
        }
    }

    enum Outcome { MATCH, NO_MATCH, UNCERTAIN }

    Outcome evaluate(ProbePacket p) {
        int src = Ipv4Cidr.parseAddress(p.sourceIp());
        Integer dst = Ipv4Cidr.parseAddress(p.destinationIp());
        if (source != null && !source.test(anyContains(source.value(), src))) {
            return Outcome.NO_MATCH;
        }
        if (destination != null) {
            boolean any = destination.value().stream().anyMatch(Ipv4Cidr::isAny);
            if (!any && dst == null) {
                return Outcome.NO_MATCH;
            }
            if (!destination.test(any || anyContains(destination.value(), dst))) {
                return Outcome.NO_MATCH;
            }
        }
        if (protocol != null) {
            String pr = protocol.value();
            boolean tcp = pr.equals("tcp") || pr.equals("6") || pr.equals("all") || pr.equals("0");
            if (!protocol.test(tcp)) {
                return Outcome.NO_MATCH;
            }
        }
        if (syn != null && !syn) {
            return Outcome.NO_MATCH;
        }
        if (tcpFlags != null) {
            TcpFlags f = tcpFlags.value();
            if (!tcpFlags.test((TcpFlags.SYN & f.mask()) == f.comp())) {
                return Outcome.NO_MATCH;
            }
        }
        if (destinationPorts != null) {
            if (p.port() == null) {
                return Outcome.NO_MATCH;
            }
            boolean in = destinationPorts.value().stream().anyMatch(r -> r.contains(p.port()));
            if (!destinationPorts.test(in)) {
                return Outcome.NO_MATCH;
            }
        }
        if (sourcePort) {
            return Outcome.NO_MATCH;
        }
        if (inInterface != null && !inInterface.test(interfaceMatches(inInterface.value(), p.inInterface()))) {
            return Outcome.NO_MATCH;
        }
        if (states != null && !states.test(states.value().contains("NEW"))) {
            return Outcome.NO_MATCH;
        }
        if (fragment != null && fragment) {
            return Outcome.NO_MATCH; // the probe is a whole packet, never a later fragment
        }
        if (sourceRange != null && !sourceRange.test(sourceRange.value().contains(src))) {
            return Outcome.NO_MATCH;
        }
        if (destinationRange != null) {
            if (dst == null || !destinationRange.test(destinationRange.value().contains(dst))) {
                return Outcome.NO_MATCH;
            }
        }
        return uncertain.isEmpty() ? Outcome.MATCH : Outcome.UNCERTAIN;
    }

    private static boolean anyContains(List<Ipv4Cidr> nets, int address) {
        for (Ipv4Cidr n : nets) {
            if (n.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** {@code -i eth+} matches every interface whose name starts with {@code eth}. */
    static boolean interfaceMatches(String pattern, String iface) {
        if (pattern.endsWith("+")) {
            return iface.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(iface);
    }
}
