package org.slbdoctor.artifact;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines like {@link java.io.BufferedReader#readLine()} ({@code \n}, {@code \r\n}
 * and a lone {@code \r} end a line), but keeps at most {@link #MAX_LINE_CHARS} characters of a
 * line and discards the rest, so a pathological line (a minified blob, a binary paste) cannot
 * exhaust the heap. A leading byte-order mark is dropped. Not thread-safe.
 */
public final class LineReader {

    /** Characters of one line that analyzers see; enough for any real log or config line. */
    public static final int MAX_LINE_CHARS = 16_384;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private final int maxLineChars;
    private int pos;
    private int limit;
    private boolean skipLf;
    private boolean started;
    private boolean eof;
    private int lineNumber;
    private boolean truncated;
    private long truncatedLines;

    public LineReader(Reader in) {
        this(in, MAX_LINE_CHARS);
    }

    LineReader(Reader in, int maxLineChars) {
        this.in = in;
        this.maxLineChars = maxLineChars;
    }

    /** The next line without its terminator, or null at the end of the text. */
    public String next() throws IOException {
        StringBuilder sb = null;
        truncated = false;
        while (true) {
            if (pos >= limit && !fill()) {
                if (sb == null) {
                    return null;
                }
                lineNumber++;
                return finish(sb);
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            int i = pos;
            while (i < limit) {
                char c = buf[i];
                if (c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i < limit) {
                skipLf = buf[i] == '\r';
                pos = i + 1;
                lineNumber++;
                if (sb == null) {
                    int len = i - start;
                    if (len > maxLineChars) {
                        markTruncated();
                        len = maxLineChars;
                    }
                    return new String(buf, start, len);
                }
                append(sb, start, i);
                return finish(sb);
            }
            if (sb == null) {
                sb = new StringBuilder(Math.min(maxLineChars, 2 * (i - start) + 16));
            }
            append(sb, start, i);
            pos = i;
        }
    }

    /** 1-based number of the line last returned by {@link #next()}. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Whether the line last returned was cut to {@link #MAX_LINE_CHARS}. */
    public boolean truncated() {
        return truncated;
    }

    /** How many lines so far were cut. */
    public long truncatedLines() {
        return truncatedLines;
    }

    private void append(StringBuilder sb, int start, int end) {
        int room = maxLineChars - sb.length();
        int len = end - start;
        if (len > room) {
            if (!truncated) {
                markTruncated();
            }
            len = Math.max(room, 0);
        }
        if (len > 0) {
            sb.append(buf, start, len);
        }
    }

    private void markTruncated() {
        truncated = true;
        truncatedLines++;
    }

    private String finish(StringBuilder sb) {
        return sb.toString();
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        if (!started) {
            started = true;
            if (buf[0] == '\uFEFF') {
                pos = 1;
                if (limit == 1) {
                    return fill();
                }
            }
        }
        return true;
    }
}
