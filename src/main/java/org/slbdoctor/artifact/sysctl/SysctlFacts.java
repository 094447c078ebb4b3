package org.slbdoctor.artifact.sysctl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slbdoctor.artifact.ArtifactFacts;
import org.slbdoctor.artifact.ArtifactKind;

/**
 * The {@code key = value} lines of {@code sysctl -a} output or {@code /etc/sysctl.conf} text, in
 * text order (all of them, also overridden ones). A later line for the same key wins.
 */
public record SysctlFacts(List<SysctlEntry> entries) implements ArtifactFacts {

    private static final Pattern RP_FILTER = Pattern.compile("net\\.ipv4\\.conf\\.(.+)\\.rp_filter");

    public SysctlFacts {
        entries = List.copyOf(entries);
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.SYSCTL;
    }

    /** key → the entry that wins (the last one), in order of first appearance. */
    public Map<String, SysctlEntry> effective() {
        Map<String, SysctlEntry> map = new LinkedHashMap<>();
        for (SysctlEntry e : entries) {
            map.put(e.key(), e);
        }
        return Collections.unmodifiableMap(map);
    }

    public Optional<SysctlEntry> effective(String key) {
        SysctlEntry found = null;
        for (SysctlEntry e : entries) {
            if (e.key().equals(key)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * interface → effective {@code net.ipv4.conf.<iface>.rp_filter}, in order of first appearance.
     * Interface names are as the kernel spells them: sysctl's dotted form writes a dot inside a name
     * as {@code /} ({@code net.ipv4.conf.eth0/100.rp_filter} is interface {@code eth0.100}).
     */
    public Map<String, RpFilterValue> rpFilterValues() {
        Map<String, RpFilterValue> map = new LinkedHashMap<>();
        for (SysctlEntry e : effective().values()) {
            Matcher m = RP_FILTER.matcher(e.key());
            if (m.matches()) {
                String iface = m.group(1).replace('/', '.');
                map.put(iface, new RpFilterValue(iface, parseInt(e.value()), e));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static Integer parseInt(String v) {
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String summary() {
        Map<String, RpFilterValue> rp = rpFilterValues();
        StringBuilder sb = new StringBuilder();
        sb.append(effective().size()).append(" keys");
        sb.append("; ").append(rp.size()).append(rp.size() == 1 ? " rp_filter value" : " rp_filter values");
        int shown = 0;
        for (RpFilterValue v : rp.values()) {
            if (shown++ == 4) {
                sb.append("; …");
                break;
            }
            sb.append("; ").append(v.entry().key()).append(" = ").append(v.entry().value())
                    .append(" (line ").append(v.entry().lineNumber()).append(')');
        }
        return sb.toString();
    }
}
