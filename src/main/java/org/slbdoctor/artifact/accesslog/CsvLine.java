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
            StringBuilder sb = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return false;
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
                while (i < n && line.charAt(i) != delimiter) {
                    i++; // junk after the closing quote: tolerated like most readers do
                }
            } else {
                int start = i;
                while (i < n && line.charAt(i) != delimiter) {
                    i++;
                }
                sb.append(line, start, i);
            }
            out.add(sb.toString());
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
                i++;
                while (true) {
                    if (i >= n) {
                        return false;
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
                while (i < n && line.charAt(i) != delimiter) {
                    i++;
                }
                value = sb.toString();
            } else {
                int start = i;
                while (i < n && line.charAt(i) != delimiter) {
                    i++;
                }
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
}
