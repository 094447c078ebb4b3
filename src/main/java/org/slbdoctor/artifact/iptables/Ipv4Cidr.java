package org.slbdoctor.artifact.iptables;

/** An IPv4 network ({@code 100.64.0.0/10}; a bare address is a /32; a dotted mask is accepted). */
public record Ipv4Cidr(int network, int prefix) {

    public static final Ipv4Cidr ANY = new Ipv4Cidr(0, 0);

    public Ipv4Cidr {
        network &= mask(prefix);
    }

    public boolean contains(int address) {
        return (address & mask(prefix)) == network;
    }

    public boolean contains(String address) {
        Integer a = parseAddress(address);
        return a != null && contains(a);
    }

    public boolean isAny() {
        return prefix == 0;
    }

    /** Null when the text is not an IPv4 network. */
    public static Ipv4Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        Integer addr = parseAddress(slash < 0 ? t : t.substring(0, slash));
        if (addr == null) {
            return null;
        }
        if (slash < 0) {
            return new Ipv4Cidr(addr, 32);
        }
        String p = t.substring(slash + 1);
        if (p.indexOf('.') >= 0) {
            Integer m = parseAddress(p);
            if (m == null) {
                return null;
            }
            int bits = Integer.bitCount(m);
            return mask(bits) == m ? new Ipv4Cidr(addr, bits) : null;
        }
        try {
            int bits = Integer.parseInt(p);
            return bits >= 0 && bits <= 32 ? new Ipv4Cidr(addr, bits) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Dotted quad → int, null when it is not one. */
    public static Integer parseAddress(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int a = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return null;
            }
            int v = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            a = (a << 8) | v;
        }
        return a;
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    @Override
    public String toString() {
        return ((network >>> 24) & 255) + "." + ((network >>> 16) & 255) + "." + ((network >>> 8) & 255) + "."
                + (network & 255) + "/" + prefix;
    }
}
