package org.slbdoctor.artifact.iptables;

/**
 * The packet the simulator sends through the {@code filter} table's {@code INPUT} chain: a new
 * TCP connection's SYN (conntrack state {@code NEW}) arriving on {@code inInterface}.
 *
 * @param sourceIp        the SLB address it comes from, e.g. {@code 100.64.0.1}
 * @param destinationIp   the backend's {@code ServerIp}; null when unknown (then rules with a
 *                        {@code -d} other than {@code 0.0.0.0/0} do not match)
 * @param port            the destination port; null when no port is known (then rules with a
 *                        destination port do not match)
 * @param inInterface     the backend's primary interface, e.g. {@code eth0}
 */
public record ProbePacket(String sourceIp, String destinationIp, Integer port, String inInterface) {

    public ProbePacket {
        if (Ipv4Cidr.parseAddress(sourceIp) == null) {
            throw new IllegalArgumentException("not an IPv4 address: " + sourceIp);
        }
        if (destinationIp != null && destinationIp.isBlank()) {
            destinationIp = null;
        }
        inInterface = inInterface == null || inInterface.isBlank() ? "eth0" : inInterface;
    }

    public static ProbePacket of(String sourceIp, String destinationIp, Integer port) {
        return new ProbePacket(sourceIp, destinationIp, port, "eth0");
    }

    @Override
    public String toString() {
        return "SYN " + sourceIp + " → " + (destinationIp == null ? "backend" : destinationIp)
                + (port == null ? "" : ":" + port) + " on " + inInterface;
    }
}
