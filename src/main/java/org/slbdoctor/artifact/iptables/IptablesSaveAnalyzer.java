package org.slbdoctor.artifact.iptables;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slbdoctor.artifact.ArtifactAnalyzer;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineReader;
import org.slbdoctor.artifact.LineRef;
import org.slbdoctor.artifact.iptables.RuleSpec.IpRange;
import org.slbdoctor.artifact.iptables.RuleSpec.Negatable;
import org.slbdoctor.artifact.iptables.RuleSpec.TcpFlags;
import org.springframework.stereotype.Component;

/** Parses {@code iptables-save} / {@code iptables-nft-save} output (tables, chains, policies, rules). */
@Component
public class IptablesSaveAnalyzer implements ArtifactAnalyzer<IptablesFacts> {

    /** Match modules whose outcome depends on state the dump does not show (CHECKLIST.md). */
    static final Set<String> UNDECIDABLE_MODULES = Set.of("set", "recent", "connlimit", "hashlimit", "string", "owner",
            "geoip", "u32");

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.IPTABLES_SAVE;
    }

    @Override
    public IptablesFacts analyze(Reader text) throws IOException {
        LineReader lines = new LineReader(text);
        List<IptablesTable> tables = new ArrayList<>();
        TableBuilder current = null;
        int ignored = 0;
        for (String raw = lines.next(); raw != null; raw = lines.next()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            LineRef ref = new LineRef(lines.lineNumber(), raw);
            if (line.startsWith("*") && line.length() > 1 && line.indexOf(' ') < 0) {
                if (current != null) {
                    tables.add(current.build(false));
                }
                current = new TableBuilder(line.substring(1), ref);
            } else if (line.equals("COMMIT") && current != null) {
                tables.add(current.build(true));
                current = null;
            } else if (line.startsWith(":") && current != null) {
                String[] parts = line.substring(1).split("\\s+");
                String policy = parts.length > 1 && !parts[1].equals("-") ? parts[1].toUpperCase(Locale.ROOT) : null;
                current.declare(parts[0], policy, ref);
            } else if (line.startsWith("-A ") && current != null) {
                List<Token> tokens = tokenize(line);
                if (tokens == null || tokens.size() < 2) {
                    ignored++;
                    continue;
                }
                current.add(parseRule(tokens.get(1).text, tokens.subList(2, tokens.size()), ref));
            } else {
                ignored++;
            }
        }
        if (current != null) {
            tables.add(current.build(false));
        }
        return new IptablesFacts(tables, ignored);
    }

    private static final class TableBuilder {
        final String name;
        final LineRef header;
        final Map<String, String> policies = new LinkedHashMap<>();
        final Map<String, LineRef> declarations = new LinkedHashMap<>();
        final Map<String, List<IptablesRule>> rules = new LinkedHashMap<>();

        TableBuilder(String name, LineRef header) {
            this.name = name;
            this.header = header;
        }

        void declare(String chain, String policy, LineRef ref) {
            policies.put(chain, policy);
            declarations.put(chain, ref);
            rules.computeIfAbsent(chain, c -> new ArrayList<>());
        }

        void add(IptablesRule rule) {
            rules.computeIfAbsent(rule.chain(), c -> new ArrayList<>()).add(rule);
        }

        IptablesTable build(boolean committed) {
            Map<String, IptablesChain> chains = new LinkedHashMap<>();
            rules.forEach((chain, list) -> chains.put(chain,
                    new IptablesChain(chain, policies.get(chain), declarations.get(chain), list)));
            return new IptablesTable(name, header, chains, committed);
        }
    }

    record Token(String text, boolean quoted) {
        boolean isOption() {
            return !quoted && text.length() > 1 && text.charAt(0) == '-' && !Character.isDigit(text.charAt(1));
        }

        boolean isBang() {
            return !quoted && text.equals("!");
        }
    }

    /** Shell-like split as iptables-save quotes: double quotes with backslash escapes; null if unterminated. */
    static List<Token> tokenize(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                c = line.charAt(i);
                if (c == '"' || c == '\'') {
                    quoted = true;
                    char q = c;
                    i++;
                    while (i < n && line.charAt(i) != q) {
                        if (q == '"' && line.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        sb.append(line.charAt(i++));
                    }
                    if (i >= n) {
                        return null;
                    }
                    i++;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            out.add(new Token(sb.toString(), quoted));
        }
        return out;
    }

    static IptablesRule parseRule(String chain, List<Token> tokens, LineRef ref) {
        Negatable<List<Ipv4Cidr>> source = null;
        Negatable<List<Ipv4Cidr>> destination = null;
        Negatable<String> protocol = null;
        Boolean syn = null;
        Negatable<TcpFlags> tcpFlags = null;
        Negatable<List<PortRange>> dports = null;
        boolean sport = false;
        Negatable<String> in = null;
        Negatable<Set<String>> states = null;
        Boolean fragment = null;
        Negatable<IpRange> srcRange = null;
        Negatable<IpRange> dstRange = null;
        List<String> uncertain = new ArrayList<>();
        Set<String> modules = new HashSet<>();
        String target = null;
        boolean isGoto = false;
        List<String> args = tokens.stream().map(Token::text).toList();

        boolean negate = false;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.isBang()) {
                negate = true;
                i++;
                continue;
            }
            if (!t.isOption()) {
                i++; // a stray value; nothing to attach it to
                continue;
            }
            String opt = t.text();
            i++;
            // old syntax: "-s ! 1.2.3.4"
            if (i + 1 < tokens.size() && tokens.get(i).isBang() && !tokens.get(i + 1).isOption()
                    && !tokens.get(i + 1).isBang()) {
                negate = true;
                i++;
            }
            List<String> values = new ArrayList<>();
            while (i < tokens.size() && !tokens.get(i).isOption() && !tokens.get(i).isBang()) {
                values.add(tokens.get(i).text());
                i++;
            }
            String v = values.isEmpty() ? null : values.get(0);
            boolean neg = negate;
            negate = false;
            if (target != null) {
                continue; // target options (--reject-with, --log-prefix...) decide nothing here
            }
            switch (opt) {
                case "-s", "--source", "--src" -> source = cidrs(v, neg, opt, uncertain);
                case "-d", "--destination", "--dst" -> destination = cidrs(v, neg, opt, uncertain);
                case "-p", "--protocol" -> protocol = v == null ? null : new Negatable<>(v.toLowerCase(Locale.ROOT), neg);
                case "-i", "--in-interface" -> in = v == null ? null : new Negatable<>(v, neg);
                case "-m", "--match" -> {
                    if (v != null) {
                        String m = v.toLowerCase(Locale.ROOT);
                        modules.add(m);
                        if (UNDECIDABLE_MODULES.contains(m)) {
                            uncertain.add("-m " + m + " depends on state the dump does not show");
                        }
                    }
                }
                case "--syn" -> syn = !neg;
                case "--tcp-flags" -> {
                    if (values.size() >= 2) {
                        tcpFlags = new Negatable<>(new TcpFlags(flags(values.get(0)), flags(values.get(1))), neg);
                    }
                }
                case "--dport", "--dports", "--destination-port", "--destination-ports", "--ports" -> {
                    List<PortRange> ports = v == null ? null : PortRange.parseList(v);
                    if (ports == null) {
                        uncertain.add("cannot read port " + opt + " " + v);
                        dports = new Negatable<>(List.of(), neg);
                    } else {
                        dports = new Negatable<>(ports, neg);
                    }
                }
                case "--sport", "--sports", "--source-port", "--source-ports" -> sport = true;
                case "--state", "--ctstate" -> states = v == null ? null
                        : new Negatable<>(Set.of(v.toUpperCase(Locale.ROOT).split(",")), neg);
                case "-f", "--fragment" -> fragment = !neg;
                case "--src-range" -> srcRange = range(v, neg, opt, uncertain);
                case "--dst-range" -> dstRange = range(v, neg, opt, uncertain);
                case "-j", "--jump" -> target = v;
                case "-g", "--goto" -> {
                    target = v;
                    isGoto = true;
                }
                default -> {
                    // --comment, --limit, --dst-type, --icmp-type...: CHECKLIST.md ignores them
                }
            }
        }
        RuleSpec spec = new RuleSpec(source, destination, protocol, syn, tcpFlags, dports, sport, in, states, fragment,
                srcRange, dstRange, uncertain);
        return new IptablesRule(chain, ref, args, target, isGoto, spec);
    }

    private static Negatable<List<Ipv4Cidr>> cidrs(String v, boolean neg, String opt, List<String> uncertain) {
        if (v == null) {
            return null;
        }
        List<Ipv4Cidr> list = new ArrayList<>();
        for (String part : v.split(",")) {
            Ipv4Cidr c = Ipv4Cidr.parse(part);
            if (c == null) {
                uncertain.add("cannot read address " + opt + " " + v);
                return null;
            }
            list.add(c);
        }
        return new Negatable<>(list, neg);
    }

    private static Negatable<IpRange> range(String v, boolean neg, String opt, List<String> uncertain) {
        if (v != null) {
            int dash = v.indexOf('-');
            Integer a = Ipv4Cidr.parseAddress(dash < 0 ? v : v.substring(0, dash));
            Integer b = dash < 0 ? a : Ipv4Cidr.parseAddress(v.substring(dash + 1));
            if (a != null && b != null) {
                return new Negatable<>(new IpRange(Integer.toUnsignedLong(a), Integer.toUnsignedLong(b)), neg);
            }
        }
        uncertain.add("cannot read range " + opt + " " + v);
        return null;
    }

    private static int flags(String list) {
        int bits = 0;
        for (String f : list.toUpperCase(Locale.ROOT).split(",")) {
            bits |= switch (f.strip()) {
                case "FIN" -> 1;
                case "SYN" -> 2;
                case "RST" -> 4;
                case "PSH" -> 8;
                case "ACK" -> 16;
                case "URG" -> 32;
                case "ECE" -> 64;
                case "CWR" -> 128;
                case "ALL" -> 255;
                default -> 0;
            };
        }
        return bits;
    }
}
