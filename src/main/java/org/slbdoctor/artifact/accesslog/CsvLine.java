package org.slbdoctor.artifact.accesslog;

import java.util.List;

/** RFC 4180 fields of one line (quotes, doubled quotes); a quoted field spanning lines is malformed. */
final class CsvLine {

    private CsvLine() {
    }

    static boolean split(String line, char delimiter, List<String> out) {
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i = quoted(line, i, delimiter, sb);
                if (i < 0) {
                    return false;
                }
                out.add(sb.toString());
            } else {
                int start = i;
                i = nextDelimiter(line, i, delimiter);
                out.add(line.substring(start, i));
            }
            if (i >= n) {
                return true;
            }
            i++; // the delimiter
        }
    }

    /** Fills {@code out} from the columns the header named; false when a needed column is missing. */
    static boolean read(String line, char delimiter, int[] columns, String[] out) {
        int i = 0;
        int n = line.length();
        int column = 0;
        int maxNeeded = -1;
        for (int c : columns) {
            maxNeeded = Math.max(maxNeeded, c);
        }
        while (column <= maxNeeded) {
            String value;
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i = quoted(line, i, delimiter, sb);
                if (i < 0) {
                    return false;
                }
                value = sb.toString();
            } else {
                int start = i;
                i = nextDelimiter(line, i, delimiter);
                value = null;
                for (int f = 0; f < columns.length; f++) {
                    if (columns[f] == column) {
                        value = line.substring(start, i);
                        break;
                    }
                }
            }
            for (int f = 0; f < columns.length; f++) {
                if (columns[f] == column) {
                    out[f] = value;
                }
            }
            column++;
            if (i >= n) {
                break;
            }
            i++;
        }
        return column > maxNeeded;
    }

    /**
     * Appends the unquoted value of the quoted field whose opening quote is at {@code i} to
     * {@code sb}; returns where the field ends (the delimiter or the end of the line), or -1 when
     * the closing quote is missing.
     */
    private static int quoted(String line, int i, char delimiter, StringBuilder sb) {
        int n = line.length();
        i++;
        while (true) {
            if (i >= n) {
                return -1;
            }
            char c = line.charAt(i++);
            if (c == '"') {
                if (i < n && line.charAt(i) == '"') {
                    sb.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                sb.append(c);
            }
        }
        return nextDelimiter(line, i, delimiter); // junk after the closing quote: tolerated like most readers do
    }

    private static int nextDelimiter(String line, int i, char delimiter) {
        int n = line.length();
        while (i < n && line.charAt(i) != delimiter) {
            i++;
        }
        return i;
    }
}
