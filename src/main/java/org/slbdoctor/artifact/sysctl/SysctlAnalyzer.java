package org.slbdoctor.artifact.sysctl;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.slbdoctor.artifact.ArtifactAnalyzer;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineReader;
import org.slbdoctor.artifact.LineRef;
import org.springframework.stereotype.Component;

/**
 * Reads {@code sysctl -a} output and {@code sysctl.conf} syntax. A line counts when, trimmed, it is
 * {@code key = value} or {@code key=value} with a key made of sysctl name characters; so shell
 * prompts ({@code [root@web-1 ~]# sysctl -a}), {@code sysctl: permission denied ...} messages and
 * prose are skipped without a special case. {@code #} and {@code ;} start comment lines; a leading
 * {@code -} (sysctl.conf's "ignore errors" marker) is dropped.
 */
@Component
public class SysctlAnalyzer implements ArtifactAnalyzer<SysctlFacts> {

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.SYSCTL;
    }

    @Override
    public SysctlFacts analyze(Reader text) throws IOException {
        LineReader lines = new LineReader(text);
        List<SysctlEntry> entries = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            SysctlEntry e = parse(line, lines.lineNumber());
            if (e != null) {
                entries.add(e);
            }
        }
        return new SysctlFacts(entries);
    }

    static SysctlEntry parse(String line, int lineNumber) {
        String t = line.strip();
        if (t.isEmpty() || t.charAt(0) == '#' || t.charAt(0) == ';') {
            return null;
        }
        int eq = t.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String key = t.substring(0, eq).strip();
        if (key.startsWith("-")) {
            key = key.substring(1).strip();
        }
        if (!isKey(key)) {
            return null;
        }
        String value = t.substring(eq + 1).strip();
        return new SysctlEntry(dotted(key), value, new LineRef(lineNumber, line));
    }

    private static boolean isKey(String key) {
        if (key.isEmpty() || !Character.isLetterOrDigit(key.charAt(0))) {
            return false;
        }
        boolean separator = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '/') {
                separator = true;
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '@' || c == ':'
                    || c == '*'))) {
                return false;
            }
        }
        // every sysctl key has at least two levels (kernel.pid_max); "foo=bar" is prose or shell
        return separator;
    }

    /** {@code net/ipv4/conf/eth0.100/rp_filter} → {@code net.ipv4.conf.eth0/100.rp_filter} (sysctl(8)). */
    static String dotted(String key) {
        int slash = key.indexOf('/');
        int dot = key.indexOf('.');
        if (slash < 0 || (dot >= 0 && dot < slash)) {
            return key;
        }
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            sb.append(c == '/' ? '.' : c == '.' ? '/' : c);
        }
        return sb.toString();
    }
}
