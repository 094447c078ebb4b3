package org.slbdoctor.artifact.accesslog;

/**
 * A minimal JSON object reader for one log line: extracts the top-level members named in
 * {@link SlbAccessLogAnalyzer#FIELDS} (string, number, boolean or null values), skips everything
 * else including nested values, and rejects what is not a JSON object. Hand-written because the
 * analyzer reads hundreds of thousands of lines per second and needs only a few fields of each.
 */
final class JsonLine {

    private final String s;
    private final String[] out;
    private int i;
    /** The next backslash at or after the last position asked about; the line's length when none. */
    private int nextBackslash = -1;

    private JsonLine(String s, String[] out) {
        this.s = s;
        this.out = out;
    }

    /** Fills {@code out} (indexed like FIELDS); false when the line is not one JSON object. */
    static boolean read(String line, String[] out) {
        JsonLine p = new JsonLine(line, out);
        try {
            return p.object();
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return false;
        }
    }

    private boolean object() {
        ws();
        // a JSON array export, one object per line: "[{...}," / "{...}," / "{...}]"
        if (peek() == '[' || peek() == ',') {
            i++;
            ws();
        }
        if (s.charAt(i) != '{') {
            return false;
        }
        i++;
        ws();
        if (peek() == '}') {
            i++;
            return tail();
        }
        while (true) {
            ws();
            if (s.charAt(i) != '"') {
                return false;
            }
            int field = key();
            if (field == -2) {
                return false;
            }
            ws();
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            ws();
            if (field >= 0) {
                out[field] = value();
            } else if (!skipValue()) {
                return false;
            }
            ws();
            char c = s.charAt(i++);
            if (c == '}') {
                return tail();
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean tail() {
        ws();
        if (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ']')) {
            i++;
            ws();
        }
        return i == s.length();
    }

    /** Reads a key at {@code "}: the FIELDS index, -1 for other keys, -2 when malformed. */
    private int key() {
        int start = ++i;
        int end = closingQuote(start);
        i = end + 1;
        if (backslashIn(start, end)) {
            return -1; // none of our field names needs escaping
        }
        int len = end - start;
        String[] fields = SlbAccessLogAnalyzer.FIELDS;
        for (int f = 0; f < fields.length; f++) {
            if (fields[f].length() == len && s.regionMatches(start, fields[f], 0, len)) {
                return f;
            }
        }
        return -1;
    }

    /** Whether {@code [start, end)} holds a backslash; amortized linear over the line. */
    private boolean backslashIn(int start, int end) {
        if (nextBackslash < start) {
            int b = s.indexOf('\\', start);
            nextBackslash = b < 0 ? s.length() : b;
        }
        return nextBackslash < end;
    }

    /**
     * The index of the quote closing a string whose content starts at {@code from}: the next quote
     * not escaped by an odd number of backslashes. {@code String.indexOf} is vectorized, which is
     * most of this reader's speed on long user-agent and URI values.
     */
    private int closingQuote(int from) {
        int q = s.indexOf('"', from);
        while (true) {
            if (q < 0) {
                throw new IndexOutOfBoundsException("unterminated string");
            }
            int b = q - 1;
            while (b >= from && s.charAt(b) == '\\') {
                b--;
            }
            if (((q - 1 - b) & 1) == 0) {
                return q;
            }
            q = s.indexOf('"', q + 1);
        }
    }

    /** A scalar value as text (a string unescaped, a number/literal as written, null for JSON null). */
    private String value() {
        char c = s.charAt(i);
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            int start = i;
            if (!skipValue()) {
                throw new IndexOutOfBoundsException();
            }
            return s.substring(start, i);
        }
        int start = i;
        while (i < s.length()) {
            c = s.charAt(i);
            if (c == ',' || c == '}' || c == ' ' || c == '\t') {
                break;
            }
            i++;
        }
        String v = s.substring(start, i);
        if (v.isEmpty()) {
            throw new IndexOutOfBoundsException();
        }
        if (v.equals("null")) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            char f = v.charAt(0);
            if (!(f == '-' || (f >= '0' && f <= '9'))) {
                throw new IndexOutOfBoundsException(); // not a JSON literal
            }
        }
        return v;
    }

    private String string() {
        int start = ++i;
        int end = closingQuote(start);
        if (backslashIn(start, end)) {
            i = nextBackslash;
            return escapedString(start);
        }
        i = end + 1;
        return s.substring(start, end);
    }

    private String escapedString(int start) {
        StringBuilder sb = new StringBuilder(s.length() - start);
        sb.append(s, start, i);
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private boolean skipValue() {
        char c = s.charAt(i);
        if (c == '"') {
            skipString();
            return true;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (true) {
                c = s.charAt(i);
                if (c == '"') {
                    skipString();
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (depth == 0) {
                        i++;
                        return true;
                    }
                }
                i++;
            }
        }
        value();
        return true;
    }

    private void skipString() {
        i = closingQuote(i + 1) + 1;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            i++;
        }
    }
}
