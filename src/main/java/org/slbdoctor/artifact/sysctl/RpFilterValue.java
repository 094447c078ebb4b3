package org.slbdoctor.artifact.sysctl;

/**
 * The effective {@code net.ipv4.conf.<iface>.rp_filter} of one interface ({@code all},
 * {@code default}, {@code eth0}, {@code eth0.100}...). {@code value} is null when the line's value
 * is not a number (then it is not 0 either, and the line says what it was).
 */
public record RpFilterValue(String iface, Integer value, SysctlEntry entry) {

    public boolean disabled() {
        return value != null && value == 0;
    }
}
