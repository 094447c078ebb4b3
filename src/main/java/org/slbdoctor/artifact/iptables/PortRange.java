package org.slbdoctor.artifact.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An inclusive port range as iptables writes it: {@code 80}, {@code 8000:8080}, {@code :1024}, {@code 1024:}. */
public record PortRange(int from, int to) {

    private static final Map<String, Integer> SERVICES = Map.ofEntries(Map.entry("ssh", 22), Map.entry("http", 80),
            Map.entry("https", 443), Map.entry("www", 80), Map.entry("ftp", 21), Map.entry("smtp", 25),
            Map.entry("domain", 53), Map.entry("mysql", 3306), Map.entry("http-alt", 8080));

    public boolean contains(int port) {
        return port >= from && port <= to;
    }

    /** A comma-separated list of ranges; null when any part is not a port. */
    public static List<PortRange> parseList(String text) {
        List<PortRange> list = new ArrayList<>();
        for (String part : text.split(",")) {
            PortRange r = parse(part);
            if (r == null) {
                return null;
            }
            list.add(r);
        }
        return list;
    }

    static PortRange parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon < 0) {
            Integer p = port(t);
            return p == null ? null : new PortRange(p, p);
        }
        String a = t.substring(0, colon);
        String b = t.substring(colon + 1);
        Integer from = a.isEmpty() ? Integer.valueOf(0) : port(a);
        Integer to = b.isEmpty() ? Integer.valueOf(65535) : port(b);
        if (from == null || to == null) {
            return null;
        }
        // iptables swaps a reversed range rather than refusing it
        return from <= to ? new PortRange(from, to) : new PortRange(to, from);
    }

    private static Integer port(String t) {
        if (t.isEmpty()) {
            return null;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            if (t.length() > 5) {
                return null;
            }
            int p = Integer.parseInt(t);
            return p <= 65535 ? p : null;
        }
        return SERVICES.get(t);
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + ":" + to;
    }
}
