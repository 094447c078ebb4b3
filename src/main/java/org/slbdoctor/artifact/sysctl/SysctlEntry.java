package org.slbdoctor.artifact.sysctl;

import org.slbdoctor.artifact.LineRef;

/**
 * One {@code key = value} line. The key is in dotted form ({@code net.ipv4.conf.all.rp_filter})
 * even when the line used the slash form ({@code net/ipv4/conf/all/rp_filter}); the value is
 * trimmed, with inner whitespace kept ({@code net.ipv4.tcp_rmem = 4096	131072	6291456}).
 */
public record SysctlEntry(String key, String value, LineRef line) {

    public int lineNumber() {
        return line.lineNumber();
    }
}
