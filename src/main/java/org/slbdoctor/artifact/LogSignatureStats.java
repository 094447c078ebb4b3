package org.slbdoctor.artifact;

import java.time.LocalDateTime;

/**
 * How often one log signature occurred: the count, the first matching line (to quote), the last
 * one, and the first and last timestamps found on matching lines (local time as the log wrote
 * it, null when the lines carry none).
 */
public record LogSignatureStats(long count, LineRef firstLine, LineRef lastLine, LocalDateTime firstTimestamp,
        LocalDateTime lastTimestamp) {

    public static final LogSignatureStats NONE = new LogSignatureStats(0, null, null, null, null);

    public boolean found() {
        return count > 0;
    }

    /** The stats with one more matching line. */
    public LogSignatureStats plus(LineRef line, LocalDateTime timestamp) {
        return new LogSignatureStats(count + 1, firstLine == null ? line : firstLine, line,
                firstTimestamp == null ? timestamp : firstTimestamp, timestamp == null ? lastTimestamp : timestamp);
    }
}
