package org.slbdoctor.artifact.phpfpm;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slbdoctor.artifact.ArtifactAnalyzer;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineReader;
import org.slbdoctor.artifact.LineRef;
import org.springframework.stereotype.Component;

/**
 * Reads php-fpm's ini syntax ({@code php-fpm.conf}, {@code pool.d/www.conf}, or several pasted
 * together): {@code [section]} headers, {@code key = value}, {@code ;} and {@code #} comments,
 * optional quotes around values.
 */
@Component
public class PhpFpmConfAnalyzer implements ArtifactAnalyzer<PhpFpmConfFacts> {

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.PHP_FPM_CONF;
    }

    @Override
    public PhpFpmConfFacts analyze(Reader text) throws IOException {
        LineReader lines = new LineReader(text);
        List<PhpFpmSetting> settings = new ArrayList<>();
        Map<String, LineRef> sections = new LinkedHashMap<>();
        String section = null;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String t = line.strip();
            if (t.isEmpty() || t.charAt(0) == ';' || t.charAt(0) == '#') {
                continue;
            }
            if (t.charAt(0) == '[' && t.indexOf(']') > 1 && t.indexOf('=') < 0) {
                section = t.substring(1, t.indexOf(']')).strip();
                sections.putIfAbsent(section, new LineRef(lines.lineNumber(), line));
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = t.substring(0, eq).strip();
            if (key.isEmpty() || key.contains(" ")) {
                continue; // prose, not a setting
            }
            String value = stripComment(t.substring(eq + 1)).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            settings.add(new PhpFpmSetting(section, key, value, new LineRef(lines.lineNumber(), line)));
        }
        List<PhpFpmPool> pools = new ArrayList<>();
        for (Map.Entry<String, LineRef> s : sections.entrySet()) {
            if (s.getKey().equalsIgnoreCase("global")) {
                continue;
            }
            PhpFpmSetting pm = last(settings, s.getKey(), "pm");
            PhpFpmSetting max = last(settings, s.getKey(), "pm.max_children");
            PhpFpmSetting rtt = last(settings, s.getKey(), "request_terminate_timeout");
            pools.add(new PhpFpmPool(s.getKey(), s.getValue(), pm, max, max == null ? null : integer(max.value()), rtt,
                    rtt == null ? null : seconds(rtt.value())));
        }
        return new PhpFpmConfFacts(settings, pools);
    }

    private static String stripComment(String v) {
        // an unquoted ';' starts an inline comment in php-fpm's ini parser
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return v.substring(0, i);
            }
        }
        return v;
    }

    private static PhpFpmSetting last(List<PhpFpmSetting> settings, String section, String key) {
        PhpFpmSetting found = null;
        for (PhpFpmSetting s : settings) {
            if (section.equals(s.section()) && s.key().equals(key)) {
                found = s;
            }
        }
        return found;
    }

    private static Integer integer(String v) {
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** php-fpm time: a number with an optional unit s, m, h or d; bare = seconds. */
    public static Long seconds(String v) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        char last = v.charAt(v.length() - 1);
        long unit = switch (last) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> Character.isDigit(last) ? 1 : -1;
        };
        if (unit < 0) {
            return null;
        }
        String digits = Character.isDigit(last) ? v : v.substring(0, v.length() - 1);
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(digits) * unit;
    }
}
